import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { isStorableText } from './uuid.ts';
import { isUuid } from '../../../shared/domain/ids.ts';
import { DEFAULT_SETTINGS, type SettingsParams } from '../domain/settings.ts';

/** Tracks with their stages and modules, for other modules (the question bank). */
export function createTrackDirectory(db: Db) {
  return {
    async outline(idOrSlug: string) {
      if (!isStorableText(idOrSlug)) return undefined;
      const track = await db
        .selectFrom('tracks')
        .select(['id', 'slug', 'title', 'status'])
        .where(isUuid(idOrSlug) ? 'id' : 'slug', '=', isUuid(idOrSlug) ? idOrSlug.toLowerCase() : idOrSlug)
        .executeTakeFirst();
      if (!track) return undefined;
      const [stages, modules] = await Promise.all([
        db
          .selectFrom('stages')
          .select(['id', 'position', 'title'])
          .where('trackId', '=', track.id)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('modules')
          .select(['id', 'slug', 'title', 'position'])
          .where('trackId', '=', track.id)
          .orderBy('position')
          .execute(),
      ]);
      return { ...track, stages, modules };
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
