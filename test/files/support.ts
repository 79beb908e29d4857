import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../support/app.ts';
import { multipartOf, type Part } from '../support/multipart.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes a sniffer calls PNG: the signature, then filler up to `size` bytes. */
export function png(size = 1024, fill = 7): Buffer {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from(PNG_SIGNATURE).copy(bytes);
  return bytes;
}

export const HTML = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';
export const SVG_WITH_SCRIPT =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

export type Auth = { auth: { authorization: string } } | undefined;

/** POST /api/v1/files: a `purpose` field (unless undefined), then the file parts. */
export function upload(
  app: FastifyInstance,
  user: Auth,
  purpose: string | undefined,
  files: readonly { fileName: string; content: string | Buffer; contentType?: string; name?: string }[],
  options: { query?: string; partsFirst?: Part[] } = {},
) {
  const parts: Part[] = [
    ...(options.partsFirst ?? []),
    ...(purpose === undefined ? [] : [{ name: 'purpose', value: purpose }]),
    ...files.map((file) => ({ name: file.name ?? 'file', ...file })),
  ];
  const body = multipartOf(parts);
  return app.inject({
    method: 'POST',
    url: `/api/v1/files${options.query ?? ''}`,
    headers: { 'accept-language': 'en', 'content-type': body.contentType, ...(user?.auth ?? {}) },
    payload: body.payload,
  });
}

export function download(app: FastifyInstance, user: Auth, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...(user?.auth ?? {}), ...headers } });
}

/** Every regular file under the local storage directory (temporary ones included). */
export function storedFiles(test: TestApp): string[] {
  const storage = test.container.config.fileStorage;
  if (storage.kind !== 'local') throw new Error('the test app does not use local storage');
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(storage.directory, full));
    }
  };
  walk(storage.directory);
  return found.sort();
}

export async function fileRows(test: TestApp) {
  return test.container.db.selectFrom('files').selectAll().orderBy('createdAt').execute();
}
