import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { contentDisposition } from '../../../shared/http/content-disposition.ts';
import type { Clock } from '../../../shared/application/clock.ts';
import type { FilesUseCases } from '../application/use-cases.ts';
import { servedInline } from '../domain/upload-policy.ts';
import { FILE_PURPOSES, type FilePurpose } from '../domain/upload-policy.ts';
import { contentOf, streamUpload } from './multipart-upload.ts';
import { filesHttpError } from './problems.ts';

const security = [{ bearerAuth: [] }];

const StoredFileSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String({ description: 'where the file is downloaded: /api/v1/files/{id}' }),
  contentType: Type.String({ description: 'sniffed from the bytes, never taken from the client' }),
  size: Type.Integer({ minimum: 1 }),
});

/** Downloads never run in the page: no sniffing, no scripts, no plugins, nothing loaded. */
export const DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cross-origin-resource-policy': 'same-site',
} as const;

const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
const PRIVATE_CACHE = 'private, no-cache';

export type FilesRouteDeps = { useCases: FilesUseCases; clock: Clock };

/** POST /files, GET /files/{id}, PUT and DELETE /me/avatar (multipart parsed only in this scope). */
export function filesRoutes(deps: FilesRouteDeps) {
  const { useCases, clock } = deps;
  return async (app: FastifyInstance) => {
    // Our own counting refuses an oversized file; busboy only cuts it off at the limit + 1 byte.
    await app.register(fastifyMultipart, { throwFileSizeLimit: false });

    app.post(
      '/files',
      {
        schema: {
          tags: ['files'],
          security,
          summary: 'Upload a file (multipart/form-data: `purpose`, then one `file` part)',
          description:
            'Purposes and limits: `avatar` (PNG, JPEG, WebP ≤ 2 MiB), `article_image` (PNG, JPEG, WebP, GIF ≤ 5 MiB; ' +
            'moderators, admins and the owner), `attachment` (any type ≤ 20 MiB). The purpose comes as `?purpose=` ' +
            'or as a form field before the file. The type is sniffed from the bytes. 413 too large, 415 type not ' +
            'allowed for the purpose, 422 empty, 400 no file / two files / unknown purpose.',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({ purpose: Type.Optional(Type.Union(FILE_PURPOSES.map((p) => Type.Literal(p)))) }),
          response: { 201: StoredFileSchema },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request);
        const { purpose } = request.query as { purpose?: FilePurpose };
        const stored = await streamUpload(
          request,
          reply,
          { purpose },
          (chosen, part) =>
            useCases.uploadFile({
              actor,
              purpose: chosen,
              fileName: part.filename,
              content: contentOf(part),
              now: clock.now(),
            }),
          (file) => useCases.discardUpload({ actorId: actor.id, id: file.id }),
        );
        return reply
          .status(201)
          .header('location', stored.url)
          .send({ id: stored.id, url: stored.url, contentType: stored.contentType, size: stored.size });
      },
    );

    app.get(
      '/files/:id',
      {
        schema: {
          tags: ['files'],
          summary: 'Download a file (avatars and article images: anyone; attachments: the owner and staff)',
          description:
            'Sent with the sniffed Content-Type, `X-Content-Type-Options: nosniff`, a sandboxing ' +
            'Content-Security-Policy, a strong ETag (the sha256) and `Content-Disposition: inline` only for raster ' +
            'images. 304 when `If-None-Match` matches; 404 for a missing file or one the reader may not see.',
          params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
          produces: ['application/octet-stream'],
          response: { 200: { description: 'the bytes' }, 304: { description: 'not modified' } },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const user = request.user;
        const cached = entityTags(request);
        const download = await useCases.readFile({
          reader: user ? { id: user.id, role: user.role } : undefined,
          id,
          isCached: (sha256) => cached === '*' || cached.includes(sha256),
        });
        const { file } = download;
        reply
          .headers(DOWNLOAD_HEADERS)
          .header('etag', `"${file.sha256}"`)
          .header('cache-control', download.public ? PUBLIC_CACHE : PRIVATE_CACHE);
        if (!download.public) reply.header('vary', 'Authorization');
        if (!download.content) return reply.status(304).send();
        return reply
          .header(
            'content-type',
            file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType,
          )
          .header('content-length', String(file.size))
          .header(
            'content-disposition',
            contentDisposition(servedInline(file.contentType) ? 'inline' : 'attachment', file.fileName, 'file'),
          )
          .send(download.content);
      },
    );

    app.put(
      '/me/avatar',
      {
        schema: {
          tags: ['me'],
          security,
          summary: 'Set my avatar (multipart/form-data: one `file` part; PNG, JPEG or WebP ≤ 2 MiB)',
          consumes: ['multipart/form-data'],
          response: { 200: Type.Object({ avatarUrl: Type.String() }) },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request, { allowWithoutMfa: true });
        const stored = await streamUpload(
          request,
          reply,
          { purpose: 'avatar' },
          (_purpose, part) =>
            useCases.setAvatar({ actor, fileName: part.filename, content: contentOf(part), now: clock.now() }),
          async () => useCases.removeAvatar({ actor }),
        );
        return { avatarUrl: stored.url };
      },
    );

    app.delete(
      '/me/avatar',
      {
        schema: {
          tags: ['me'],
          security,
          summary: 'Remove my avatar',
          response: { 204: Type.Null({ description: 'no content' }) },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request, { allowWithoutMfa: true });
        await useCases.removeAvatar({ actor });
        return reply.status(204).send();
      },
    );

    // The 413 and 415 statuses of the module's refusals (see problems.ts), then the usual handler.
    app.setErrorHandler((error, _request, _reply) => {
      throw filesHttpError(error);
    });
  };
}

/** The sha256 values an `If-None-Match` names (weak or strong), or `*`. */
function entityTags(request: FastifyRequest): readonly string[] | '*' {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string' || header.length > 2000) return [];
  if (header.trim() === '*') return '*';
  return header
    .split(',')
    .map((tag) => /^\s*(?:W\/)?"([0-9a-f]{64})"\s*$/.exec(tag)?.[1])
    .filter((tag): tag is string => tag !== undefined);
}
