import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type FileStorage, InvalidStorageKeyError } from '../../application/file-storage.ts';

/**
 * Files in a local directory (by default `DATA_DIR/files`): `<root>/ab/<32 hex>`. A write goes
 * to a temporary file in `<root>/.tmp` first and is renamed into place once complete, so a
 * reader never sees half a file and a failed upload leaves nothing under its key.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');

  const pathOf = (key: string) => {
    assertStorageKey(key);
    const full = path.resolve(base, key);
    // Defence in depth: the key shape already rules this out.
    if (!full.startsWith(base + path.sep)) throw new InvalidStorageKeyError(key);
    return full;
  };

  return {
    kind: 'local',
    async put(key, content) {
      const target = pathOf(key);
      await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = path.join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
      try {
        await pipeline(Readable.from(content), createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const target = pathOf(key);
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(target, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return handle.createReadStream();
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await fs.stat(pathOf(key))).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}
