import { sql } from 'kysely';
import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { TrackRepository } from '../application/ports.ts';
import { SlugTakenError, TrackInUseError } from '../domain/errors.ts';
import { isUuid } from './uuid.ts';

const TRACK_COLUMNS = [
  'id',
  'slug',
  'title',
  'description',
  'status',
  'currentSettingsVersion',
  'publishedAt',
] as const;

export function createTrackRepository(tx: Tx) {
  const update = (id: string, now: Date) => tx.updateTable('tracks').set({ updatedAt: now }).where('id', '=', id);
  return {
    async lockById(id) {
      if (!isUuid(id)) return undefined;
      return tx.selectFrom('tracks').select(TRACK_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    async slugTaken(slug, exceptId) {
      let query = tx.selectFrom('tracks').select('id').where('slug', '=', slug);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },
    async create(track) {
      const { now, ...values } = track;
      const insert = tx
        .insertInto('tracks')
        .values({ ...values, status: 'draft', createdAt: now, updatedAt: now })
        .execute();
      await translateConstraintErrors(insert, { tracks_slug_key: () => new SlugTakenError(track.slug) });
    },
    async updateDetails(id, details, now) {
      await translateConstraintErrors(update(id, now).set(details).execute(), {
        tracks_slug_key: () => new SlugTakenError(details.slug ?? ''),
      });
    },
    async markPublished(id, now) {
      await update(id, now).set({ status: 'published', publishedAt: now }).execute();
    },
    async markDraft(id, now) {
      await update(id, now).set({ status: 'draft', publishedAt: null }).execute();
    },
    async setCurrentSettings(id, version, now) {
      await update(id, now).set({ currentSettingsVersion: version }).execute();
    },
    async delete(id) {
      // Clear the track's pointer to its own settings first: the versions go with the track.
      await tx.updateTable('tracks').set({ currentSettingsVersion: null }).where('id', '=', id).execute();
      await translateConstraintErrors(tx.deleteFrom('tracks').where('id', '=', id).execute(), {
        questions_track_fkey: () => new TrackInUseError(1),
      });
    },
    async outline(id) {
      const [stages, modules] = await Promise.all([
        tx
          .selectFrom('stages')
          .select(['id', 'position', 'title'])
          .where('trackId', '=', id)
          .orderBy('position')
          .execute(),
        tx
          .selectFrom('modules')
          .select(['id', 'slug', 'title'])
          .where('trackId', '=', id)
          .orderBy('position')
          .execute(),
      ]);
      return { stages, modules };
    },
  } satisfies TrackRepository;
}

/** Positions are unique per track, checked at commit in this transaction, so a reorder can swap them. */
export async function deferPositions(tx: Tx, constraint: 'stages_track_position_key' | 'modules_track_position_key') {
  await sql`SET CONSTRAINTS ${sql.id(constraint)} DEFERRED`.execute(tx);
}
