import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { ModuleRepository, StageRepository, TrackDetails } from '../application/ports.ts';
import { ModuleInUseError, ModuleSlugTakenError, StageHasLearnersError, StageInUseError } from '../domain/errors.ts';
import { deferPositions } from './track.repository.ts';
import { isUuid } from './uuid.ts';

const STAGE_COLUMNS = ['id', 'trackId', 'position', 'title', 'description'] as const;

export function createStageRepository(tx: Tx) {
  return {
    async trackIdOf(id) {
      if (!isUuid(id)) return undefined;
      return (await tx.selectFrom('stages').select('trackId').where('id', '=', id).executeTakeFirst())?.trackId;
    },
    async ofTrack(trackId) {
      return tx.selectFrom('stages').select(STAGE_COLUMNS).where('trackId', '=', trackId).orderBy('position').execute();
    },
    async append(stage) {
      const { now, ...values } = stage;
      await tx
        .insertInto('stages')
        .values({ ...values, createdAt: now, updatedAt: now })
        .execute();
    },
    async updateDetails(id, details, now) {
      if (isEmpty(details)) return;
      await tx
        .updateTable('stages')
        .set({ ...details, updatedAt: now })
        .where('id', '=', id)
        .execute();
    },
    async renumber(changes, now) {
      if (changes.length === 0) return;
      await deferPositions(tx, 'stages_track_position_key');
      for (const { id, position } of changes) {
        await tx.updateTable('stages').set({ position, updatedAt: now }).where('id', '=', id).execute();
      }
    },
    async delete(id) {
      await translateConstraintErrors(tx.deleteFrom('stages').where('id', '=', id).execute(), {
        questions_stage_fkey: () => new StageInUseError(1),
        // Students' stage progress and exams keep the stage (a track unpublished after enrollments).
        stage_progress_stage_fkey: () => new StageHasLearnersError(),
        attempts_track_stage_fkey: () => new StageHasLearnersError(),
      });
    },
  } satisfies StageRepository;
}

export function createModuleRepository(tx: Tx) {
  const slugTaken = (slug = '') => ({ modules_track_slug_key: () => new ModuleSlugTakenError(slug) });
  return {
    async trackIdOf(id) {
      if (!isUuid(id)) return undefined;
      return (await tx.selectFrom('modules').select('trackId').where('id', '=', id).executeTakeFirst())?.trackId;
    },
    async ofTrack(trackId) {
      return tx
        .selectFrom('modules')
        .select([...STAGE_COLUMNS, 'slug'])
        .where('trackId', '=', trackId)
        .orderBy('position')
        .execute();
    },
    async slugTaken(trackId, slug, exceptId) {
      let query = tx.selectFrom('modules').select('id').where('trackId', '=', trackId).where('slug', '=', slug);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },
    async append(module) {
      const { now, ...values } = module;
      const insert = tx
        .insertInto('modules')
        .values({ ...values, createdAt: now, updatedAt: now })
        .execute();
      await translateConstraintErrors(insert, slugTaken(module.slug));
    },
    async updateDetails(id, details, now) {
      if (isEmpty(details)) return;
      const write = tx
        .updateTable('modules')
        .set({ ...details, updatedAt: now })
        .where('id', '=', id)
        .execute();
      await translateConstraintErrors(write, slugTaken(details.slug));
    },
    async renumber(changes, now) {
      if (changes.length === 0) return;
      await deferPositions(tx, 'modules_track_position_key');
      for (const { id, position } of changes) {
        await tx.updateTable('modules').set({ position, updatedAt: now }).where('id', '=', id).execute();
      }
    },
    async delete(id) {
      await translateConstraintErrors(tx.deleteFrom('modules').where('id', '=', id).execute(), {
        questions_module_fkey: () => new ModuleInUseError(1),
      });
    },
  } satisfies ModuleRepository;
}

function isEmpty(details: TrackDetails): boolean {
  return Object.values(details).every((value) => value === undefined);
}
