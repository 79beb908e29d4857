import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { isStorableText } from './uuid.ts';
import { isUuid } from '../../../shared/domain/ids.ts';

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
    /** Every track, drafts included, by title (for the bank's track pickers). */
    async list() {
      return db.selectFrom('tracks').select(['id', 'slug', 'title', 'status']).orderBy('title').orderBy('id').execute();
    },
  };
}
