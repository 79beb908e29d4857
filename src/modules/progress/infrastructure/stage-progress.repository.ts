import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { StageProgressRepository } from '../application/ports.ts';

export const STAGE_PROGRESS_COLUMNS = [
  'stageProgress.userId',
  'stageProgress.stageId',
  'stageProgress.trackId',
  'stageProgress.enrollmentId',
  'stageProgress.settingsVersion',
  'stageProgress.status',
  'stageProgress.startedAt',
  'stageProgress.completedAt',
] as const;

export function createStageProgressRepository(db: Db) {
  const update = async (
    userId: string,
    stageId: string,
    values: Readonly<{ status: 'active' | 'pending_approval' | 'completed'; completedAt?: Date; updatedAt: Date }>,
  ) => {
    await db
      .updateTable('stageProgress')
      .set(values)
      .where('userId', '=', userId)
      .where('stageId', '=', stageId)
      .execute();
  };
  return {
    forTrack: (userId, trackId) =>
      db
        .selectFrom('stageProgress')
        .select(STAGE_PROGRESS_COLUMNS)
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .orderBy('startedAt')
        .execute(),
    lock: (userId, stageId) =>
      db
        .selectFrom('stageProgress')
        .select(STAGE_PROGRESS_COLUMNS)
        .where('userId', '=', userId)
        .where('stageId', '=', stageId)
        .forUpdate()
        .executeTakeFirst(),
    async start({ userId, stageId, enrollmentId, trackId, settingsVersion, now }) {
      await db
        .insertInto('stageProgress')
        .values({
          userId,
          stageId,
          enrollmentId,
          trackId,
          settingsVersion,
          status: 'active',
          startedAt: now,
          updatedAt: now,
        })
        .execute();
    },
    markPendingApproval: (userId, stageId, now) =>
      update(userId, stageId, { status: 'pending_approval', updatedAt: now }),
    markCompleted: (userId, stageId, now) =>
      update(userId, stageId, { status: 'completed', completedAt: now, updatedAt: now }),
    reopen: (userId, stageId, now) => update(userId, stageId, { status: 'active', updatedAt: now }),
  } satisfies StageProgressRepository;
}
