import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { isUuid } from '../../../shared/domain/ids.ts';

/**
 * The bank's facts the catalog needs (feasibility, what blocks a delete). An id that is not a
 * UUID names nothing: no questions (the catalog asks before it knows the track exists).
 */
export function createQuestionBankFacts(db: Db) {
  return {
    activePool: async (trackId: string) => {
      if (!isUuid(trackId)) return [];
      return (
        db
          .selectFrom('questions')
          .select(['moduleId', 'stageId'])
          .where('trackId', '=', trackId)
          .where('status', '=', 'active')
          // An article's mini-test questions are never in an exam pool.
          .where('articleId', 'is', null)
          .execute()
      );
    },
    async countUsing(target: { trackId: string } | { moduleId: string } | { stageId: string }) {
      const [column, value] =
        'trackId' in target
          ? (['trackId', target.trackId] as const)
          : 'moduleId' in target
            ? (['moduleId', target.moduleId] as const)
            : (['stageId', target.stageId] as const);
      if (!isUuid(value)) return 0;
      const row = await db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where(column, '=', value)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
