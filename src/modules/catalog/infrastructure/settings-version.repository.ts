import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { SettingsVersionRepository } from '../application/ports.ts';
import { isVersionNumber } from './uuid.ts';

/** Versions are only ever inserted: a trigger rejects any UPDATE. */
export function createSettingsVersionRepository(tx: Tx) {
  return {
    async latestNumber(trackId) {
      const row = await tx
        .selectFrom('settingsVersions')
        .select((eb) => eb.fn.max('version').as('latest'))
        .where('trackId', '=', trackId)
        .executeTakeFirst();
      return Number(row?.latest ?? 0);
    },
    async byNumber(trackId, version) {
      if (!isVersionNumber(version)) return undefined;
      return tx
        .selectFrom('settingsVersions')
        .select(['version', 'params'])
        .where('trackId', '=', trackId)
        .where('version', '=', version)
        .executeTakeFirst();
    },
    async create(version) {
      await tx
        .insertInto('settingsVersions')
        .values({
          trackId: version.trackId,
          version: version.version,
          params: JSON.stringify(version.params),
          note: version.note,
          createdBy: version.createdBy,
          createdAt: version.now,
        })
        .execute();
    },
  } satisfies SettingsVersionRepository;
}
