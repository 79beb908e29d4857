import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { containsPattern } from '../../../shared/infrastructure/db/like-pattern.ts';
import type { QuestionFilter } from '../application/contract.ts';
import type { QuestionReads } from '../application/ports.ts';
import { QUESTION_COLUMNS } from './question-columns.ts';

export function createQuestionReads(db: Db) {
  return {
    // An article's mini-test questions belong to the content module: the bank never shows them.
    byId: (id) =>
      db
        .selectFrom('questions')
        .select(QUESTION_COLUMNS)
        .where('id', '=', id)
        .where('articleId', 'is', null)
        .executeTakeFirst(),

    async list(filter: QuestionFilter) {
      // PostgreSQL text cannot hold U+0000: no question can match a search containing it.
      if (filter.q?.includes('\u0000')) return { items: [], total: 0 };
      let query = db.selectFrom('questions').where('articleId', 'is', null);
      if (filter.trackId) query = query.where('trackId', '=', filter.trackId);
      if (filter.moduleId) query = query.where('moduleId', '=', filter.moduleId);
      if (filter.stageId) query = query.where('stageId', '=', filter.stageId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.q) {
        // The expression of questions_search_trgm_idx (migration 0006), so the trigram index serves it.
        query = query.where(
          sql<string>`question_search_text(name, text, options, explanation)`,
          'ilike',
          containsPattern(filter.q),
        );
      }
      const [items, count] = await Promise.all([
        query
          .select(QUESTION_COLUMNS)
          .orderBy('createdAt', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    activeOfTrack: (trackId) =>
      db
        .selectFrom('questions as q')
        .innerJoin('modules as m', 'm.id', 'q.moduleId')
        .leftJoin('stages as s', 's.id', 'q.stageId')
        .select(QUESTION_COLUMNS.map((column) => `q.${column}` as const))
        .where('q.trackId', '=', trackId)
        .where('q.status', '=', 'active')
        .where('q.articleId', 'is', null)
        .orderBy('m.position')
        .orderBy(sql`s.position nulls first`)
        .orderBy('q.createdAt')
        .orderBy('q.id')
        .execute(),
  } satisfies QuestionReads;
}
