import type { Db } from '../../../shared/infrastructure/db/database.ts';

/** The bank's facts the catalog needs (feasibility, what blocks a delete). */
export function createQuestionBankFacts(db: Db) {
  return {
    activePool: (trackId: string) =>
      db
        .selectFrom('questions')
        .select(['moduleId', 'stageId'])
        .where('trackId', '=', trackId)
        .where('status', '=', 'active')
        .execute(),
    async countUsing(target: { trackId: string } | { moduleId: string } | { stageId: string }) {
      const [column, value] =
        'trackId' in target
          ? (['trackId', target.trackId] as const)
          : 'moduleId' in target
            ? (['moduleId', target.moduleId] as const)
            : (['stageId', target.stageId] as const);
      const row = await db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where(column, '=', value)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
