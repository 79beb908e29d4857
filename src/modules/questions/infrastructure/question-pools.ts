import type { Db } from '../../../shared/infrastructure/db/database.ts';

/** A question an attempt may draw: its module and its stage tier (null = any stage). */
export type PoolQuestion = Readonly<{ id: string; moduleId: string; stagePosition: number | null }>;

/**
 * The assessment module's view of the bank (pool or transaction): only active questions, by id
 * so the same bank always yields the same pool order.
 */
export function createQuestionPools(executor: Db) {
  const active = () =>
    executor
      .selectFrom('questions')
      .leftJoin('stages', 'stages.id', 'questions.stageId')
      .select(['questions.id', 'questions.moduleId', 'stages.position as stagePosition'])
      .where('questions.status', '=', 'active')
      .orderBy('questions.id');
  return {
    /** Exam questions (not mini-test ones) of the track: of no stage or of `stageId`; of any stage when null. */
    async exam(trackId: string, stageId: string | null): Promise<PoolQuestion[]> {
      let query = active().where('questions.trackId', '=', trackId).where('questions.articleId', 'is', null);
      if (stageId !== null) {
        query = query.where((eb) =>
          eb.or([eb('questions.stageId', 'is', null), eb('questions.stageId', '=', stageId)]),
        );
      }
      return query.execute();
    },
    /** Every exam question of the track, any stage tier. */
    async diagnostic(trackId: string): Promise<PoolQuestion[]> {
      return active().where('questions.trackId', '=', trackId).where('questions.articleId', 'is', null).execute();
    },
    /** The mini-test of an article. */
    async minitest(articleId: string): Promise<PoolQuestion[]> {
      return active().where('questions.articleId', '=', articleId).execute();
    },
  };
}
