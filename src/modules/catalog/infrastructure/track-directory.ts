import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { isStorableText } from './uuid.ts';
import { isUuid } from '../../../shared/domain/ids.ts';
import { DEFAULT_SETTINGS, type SettingsParams } from '../domain/settings.ts';

/** Tracks with their stages and modules, for other modules (the question bank). */
export function createTrackDirectory(db: Db) {
  return {
    /** One statement: the exam start and the progress pages read it on every request. */
    async outline(idOrSlug: string) {
      if (!isStorableText(idOrSlug)) return undefined;
      return db
        .selectFrom('tracks')
        .select((eb) => [
          'tracks.id',
          'tracks.slug',
          'tracks.title',
          'tracks.status',
          jsonArrayFrom(
            eb
              .selectFrom('stages')
              .select(['stages.id', 'stages.position', 'stages.title'])
              .whereRef('stages.trackId', '=', 'tracks.id')
              .orderBy('stages.position'),
          ).as('stages'),
          jsonArrayFrom(
            eb
              .selectFrom('modules')
              .select(['modules.id', 'modules.slug', 'modules.title', 'modules.position'])
              .whereRef('modules.trackId', '=', 'tracks.id')
              .orderBy('modules.position'),
          ).as('modules'),
        ])
        .where(
          isUuid(idOrSlug) ? 'tracks.id' : 'tracks.slug',
          '=',
          isUuid(idOrSlug) ? idOrSlug.toLowerCase() : idOrSlug,
        )
        .executeTakeFirst();
    },
    async holdTrack(trackId: string) {
      await db.selectFrom('tracks').select('id').where('id', '=', trackId).forKeyShare().execute();
    },
    /**
     * A settings version of the track with its params (defaults filled for fields added later):
     * the current one when `version` is left out. Undefined when the track has none.
     */
    async settings(trackId: string, version?: number): Promise<TrackSettings | undefined> {
      let query = db
        .selectFrom('settingsVersions')
        .innerJoin('tracks', 'tracks.id', 'settingsVersions.trackId')
        .select(['settingsVersions.version', 'settingsVersions.params'])
        .where('settingsVersions.trackId', '=', trackId);
      query =
        version === undefined
          ? query.whereRef('settingsVersions.version', '=', 'tracks.currentSettingsVersion')
          : query.where('settingsVersions.version', '=', version);
      const row = await query.executeTakeFirst();
      return row && { version: row.version, params: withDefaults(row.params) };
    },
    /** Every track, drafts included, by title (for the bank's track pickers). */
    async list() {
      return db.selectFrom('tracks').select(['id', 'slug', 'title', 'status']).orderBy('title').orderBy('id').execute();
    },
  };
}

export type TrackSettings = Readonly<{ version: number; params: SettingsParams }>;

function withDefaults(stored: unknown): SettingsParams {
  const params = (stored ?? {}) as Partial<Record<keyof SettingsParams, object>>;
  const merged: Record<string, unknown> = {};
  for (const group of Object.keys(DEFAULT_SETTINGS) as (keyof SettingsParams)[]) {
    merged[group] = { ...DEFAULT_SETTINGS[group], ...params[group] };
  }
  return merged as SettingsParams;
}
