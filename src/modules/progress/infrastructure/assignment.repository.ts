import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { AssignmentRepository } from '../application/ports.ts';

const COLUMNS = [
  'articleAssignments.stageId',
  'articleAssignments.articleId',
  'articleAssignments.openedAt',
  'articleAssignments.doneAt',
] as const;

export function createAssignmentRepository(db: Db) {
  const one = (userId: string, stageId: string, articleId: string) =>
    db
      .updateTable('articleAssignments')
      .where('userId', '=', userId)
      .where('stageId', '=', stageId)
      .where('articleId', '=', articleId);
  const inOpenStage = (userId: string, articleId: string) =>
    db
      .selectFrom('articleAssignments')
      .innerJoin('stageProgress', (join) =>
        join
          .onRef('stageProgress.userId', '=', 'articleAssignments.userId')
          .onRef('stageProgress.stageId', '=', 'articleAssignments.stageId'),
      )
      .select(COLUMNS)
      .select(['articleAssignments.trackId', 'stageProgress.settingsVersion'])
      .select((eb) =>
        eb
          .case()
          .when('stageProgress.status', '=', 'active')
          .then('active' as const)
          .else('pending_approval' as const)
          .end()
          .as('stageStatus'),
      )
      .where('articleAssignments.userId', '=', userId)
      .where('articleAssignments.articleId', '=', articleId)
      .where('stageProgress.status', 'in', ['active', 'pending_approval'])
      .orderBy('stageProgress.startedAt', 'desc')
      .limit(1);
  return {
    async insert(userId, trackId, stageId, rows, now) {
      if (rows.length === 0) return;
      await db
        .insertInto('articleAssignments')
        .values(
          rows.map((row) => ({
            userId,
            trackId,
            stageId,
            articleId: row.articleId,
            reason: row.reason,
            weakModuleId: row.weakModuleId,
            weakMastery: row.weakMastery,
            position: row.position,
            assignedAt: now,
          })),
        )
        .execute();
    },
    async completedArticleIds(userId, trackId) {
      const rows = await db
        .selectFrom('articleAssignments')
        .select('articleId')
        .distinct()
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .where('doneAt', 'is not', null)
        .execute();
      return new Set(rows.map((row) => row.articleId));
    },
    forStage: (userId, stageId) =>
      db
        .selectFrom('articleAssignments')
        .select(COLUMNS)
        .where('userId', '=', userId)
        .where('stageId', '=', stageId)
        .orderBy('position')
        .execute(),
    lock: (userId, stageId, articleId) =>
      db
        .selectFrom('articleAssignments')
        .select(COLUMNS)
        .where('userId', '=', userId)
        .where('stageId', '=', stageId)
        .where('articleId', '=', articleId)
        .forUpdate()
        .executeTakeFirst(),
    async markOpened(userId, stageId, articleId, now, done) {
      await one(userId, stageId, articleId)
        .set((eb) => ({
          openedAt: eb.fn.coalesce('openedAt', eb.val(now)),
          doneAt: done ? eb.fn.coalesce('doneAt', eb.val(now)) : eb.ref('doneAt'),
        }))
        .execute();
    },
    async markDone(userId, stageId, articleId, now) {
      await one(userId, stageId, articleId)
        .set((eb) => ({ doneAt: eb.fn.coalesce('doneAt', eb.val(now)) }))
        .where('openedAt', 'is not', null)
        .execute();
    },
    lockInOpenStage: (userId, articleId) =>
      inOpenStage(userId, articleId).forUpdate('articleAssignments').executeTakeFirst(),
    inOpenStage: (userId, articleId) => inOpenStage(userId, articleId).executeTakeFirst(),
    async everAssigned(userId, articleId) {
      const row = await db
        .selectFrom('articleAssignments')
        .select('articleId')
        .where('userId', '=', userId)
        .where('articleId', '=', articleId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  } satisfies AssignmentRepository;
}
