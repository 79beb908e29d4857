import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileStorage, InvalidStorageKeyError } from '../../src/shared/application/file-storage.ts';
import { createLocalFileStorage } from '../../src/shared/infrastructure/storage/local-file-storage.ts';
import { createS3FileStorage } from '../../src/shared/infrastructure/storage/s3-file-storage.ts';
import { newStorageKey } from '../../src/modules/files/infrastructure/files.repository.ts';
import { type S3TestServer, startS3Server } from './s3-server.ts';

const MIB = 1024 * 1024;

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function* failingAfter(first: Buffer): AsyncGenerator<Uint8Array> {
  yield first;
  throw new Error('the client went away');
}

async function readAll(content: AsyncIterable<Uint8Array> | undefined): Promise<Buffer> {
  if (!content) throw new Error('no content');
  const parts: Buffer[] = [];
  for await (const chunk of content) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** What every adapter must do, run against each. */
function contract(name: string, storage: () => FileStorage) {
  describe(`${name}: the storage port's contract`, () => {
    it('puts, gets, tells it exists and deletes by key', async () => {
      const key = newStorageKey();
      expect(await storage().exists(key)).toBe(false);
      await storage().put(key, chunks('hello, ', 'мир'), { contentType: 'text/plain' });
      expect(await storage().exists(key)).toBe(true);
      expect((await readAll(await storage().get(key))).toString()).toBe('hello, мир');
      await storage().delete(key);
      expect(await storage().exists(key)).toBe(false);
      expect(await storage().get(key)).toBeUndefined();
      await storage().delete(key); // deleting a missing object is fine
    });

    it('answers undefined for a missing key', async () => {
      expect(await storage().get(newStorageKey())).toBeUndefined();
    });

    it('streams a file bigger than one S3 part (multipart upload) byte for byte', async () => {
      const key = newStorageKey();
      const big = Buffer.alloc(11 * MIB + 123);
      for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
      const pieces = Array.from({ length: Math.ceil(big.length / (256 * 1024)) }, (_, i) =>
        big.subarray(i * 256 * 1024, (i + 1) * 256 * 1024),
      );
      await storage().put(key, chunks(...pieces), { contentType: 'application/octet-stream' });
      const back = await readAll(await storage().get(key));
      expect(back.length).toBe(big.length);
      expect(back.equals(big)).toBe(true);
      await storage().delete(key);
    });

    it('leaves nothing under the key when the stream fails', async () => {
      for (const size of [100, 6 * MIB]) {
        const key = newStorageKey();
        await expect(
          storage().put(key, failingAfter(Buffer.alloc(size, 1)), { contentType: 'text/plain' }),
        ).rejects.toThrow('the client went away');
        expect(await storage().exists(key)).toBe(false);
      }
    });

    it.each([
      '../../etc/passwd',
      'ab/../../x',
      'ab/cd',
      '/etc/passwd',
      'AB/' + 'a'.repeat(32),
      'ab\\' + 'a'.repeat(32),
      '',
    ])('refuses the key %j', async (key) => {
      await expect(storage().put(key, chunks('x'), { contentType: 'text/plain' })).rejects.toThrow(
        InvalidStorageKeyError,
      );
      await expect(storage().get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage().delete(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage().exists(key)).rejects.toThrow(InvalidStorageKeyError);
    });
  });
}

describe('the local-directory adapter', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'baza-files-'));
  const local = createLocalFileStorage(root);
  contract('local', () => local);

  it('keeps a file at <root>/<key>, written through a temporary file that is gone afterwards', async () => {
    const key = newStorageKey();
    await local.put(key, chunks('atomic'), { contentType: 'text/plain' });
    expect(readFileSync(path.join(root, key), 'utf8')).toBe('atomic');
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
    await local.put(newStorageKey(), failingAfter(Buffer.from('half')), { contentType: 'text/plain' }).catch(() => {});
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });
});

describe('the S3 adapter, over the wire against s3rver', () => {
  let server: S3TestServer;
  let s3: ReturnType<typeof createS3FileStorage>;

  beforeAll(async () => {
    server = await startS3Server();
    s3 = createS3FileStorage({
      endpoint: server.endpoint,
      region: 'us-east-1',
      bucket: server.bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    s3?.client.destroy();
    await server?.close();
  });

  contract('s3', () => s3);

  it('fails (rather than pretends) when the bucket does not exist', async () => {
    const wrong = createS3FileStorage({
      endpoint: server.endpoint,
      region: 'us-east-1',
      bucket: 'no-such-bucket',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    await expect(wrong.put(newStorageKey(), chunks('x'), { contentType: 'text/plain' })).rejects.toThrow(/bucket/i);
    wrong.client.destroy();
  });
});
