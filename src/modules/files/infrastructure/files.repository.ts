import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { FileRecord, FilesRepository, RemovedFile, Sha256 } from '../application/ports.ts';
import type { SniffedType } from '../domain/content-type.ts';

export function createFilesRepository(db: Db): FilesRepository {
  const removeRow = async (executor: Db, id: string): Promise<RemovedFile | undefined> =>
    executor.deleteFrom('files').where('id', '=', id).returning(['id', 'storageKey']).executeTakeFirst();

  return {
    async insert(file) {
      await db
        .insertInto('files')
        .values({
          id: file.id,
          ownerId: file.ownerId,
          purpose: file.purpose,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storageKey: file.storageKey,
          fileName: file.fileName,
          createdAt: file.createdAt,
        })
        .execute();
    },
    async find(id) {
      const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return { ...row, size: Number(row.size), contentType: row.contentType as SniffedType } satisfies FileRecord;
    },
    remove: (id) => removeRow(db, id),
    async isActiveUser(userId) {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return row !== undefined;
    },
    async replaceAvatar(userId, fileId) {
      return db.transaction().execute(async (tx) => {
        const user = await tx
          .selectFrom('users')
          .select('avatarFileId')
          .where('id', '=', userId)
          .forUpdate()
          .executeTakeFirst();
        if (!user) return undefined;
        await tx.updateTable('users').set({ avatarFileId: fileId }).where('id', '=', userId).execute();
        const previous = user.avatarFileId;
        if (!previous || previous === fileId) return undefined;
        return removeRow(tx, previous);
      });
    },
  };
}

export function sha256(): Sha256 {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') };
}

/** `ab/<32 hex>`: 128 random bits, the first byte again as a fan-out directory. */
export function newStorageKey(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 2)}/${hex}`;
}
