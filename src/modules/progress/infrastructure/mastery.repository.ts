import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { MasteryRepository } from '../application/ports.ts';

export function createMasteryRepository(db: Db) {
  return {
    async record(userId, trackId, results, now) {
      const rows = results
        .filter((result) => result.total > 0)
        .map((result) => ({
          userId,
          trackId,
          moduleId: result.moduleId,
          answered: result.total,
          correct: result.correct,
          updatedAt: now,
        }));
      if (rows.length === 0) return;
      // Adds in one statement, so attempts finishing in parallel never lose each other's counts.
      await db
        .insertInto('mastery')
        .values(rows)
        .onConflict((conflict) =>
          conflict.columns(['userId', 'moduleId']).doUpdateSet({
            answered: sql<number>`mastery.answered + excluded.answered`,
            correct: sql<number>`mastery.correct + excluded.correct`,
            updatedAt: now,
          }),
        )
        .execute();
    },
    forTrack: (userId, trackId) =>
      db
        .selectFrom('mastery')
        .select(['moduleId', 'answered', 'correct'])
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .execute(),
  } satisfies MasteryRepository;
}
