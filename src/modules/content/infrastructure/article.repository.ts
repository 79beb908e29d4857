import { sql } from 'kysely';
import { translateConstraintErrors, violatedConstraint } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { ArticleRecord, ArticleRepository } from '../application/ports.ts';
import { ArticleInUseError, InvalidArticleError, SlugTakenError } from '../domain/errors.ts';
import { selectArticleView } from './article-columns.ts';

/** Races the use case could not see (a slug taken meanwhile, a module deleted) as the module's own errors. */
function constraintErrors(slug: string) {
  return {
    articles_slug_key: () => new SlugTakenError(slug),
    // The database's lower() may disagree with JavaScript's on a few letters.
    articles_tags_valid: () =>
      new InvalidArticleError([{ path: '/tags', code: 'tag_characters', params: { tag: '' } }]),
    articles_track_fkey: () => new InvalidArticleError([{ path: '/trackId', code: 'unknown_track' }]),
    articles_module_fkey: () => new InvalidArticleError([{ path: '/moduleId', code: 'module_not_in_track' }]),
    articles_stage_fkey: () => new InvalidArticleError([{ path: '/stageId', code: 'stage_not_in_track' }]),
  };
}

function columnsOf(article: ArticleRecord) {
  return {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    body: article.body,
    html: article.html,
    toc: JSON.stringify(article.toc),
    locale: article.locale,
    tags: [...article.tags],
    visibility: article.visibility,
    trackId: article.trackId,
    moduleId: article.moduleId,
    stageId: article.stageId,
    position: article.position,
  };
}

export function createArticleRepository(tx: Tx): ArticleRepository {
  return {
    lockById: (id) => selectArticleView(tx, id, { lock: true }),
    byId: (id) => selectArticleView(tx, id),

    async nextPosition({ moduleId, stageId }) {
      let query = tx.selectFrom('articles').select(sql<number>`coalesce(max(position), 0) + 1`.as('next'));
      query =
        stageId !== null
          ? query.where('stageId', '=', stageId)
          : query.where('moduleId', '=', moduleId).where('stageId', 'is', null);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.next);
    },

    async insert(article) {
      await translateConstraintErrors(
        () =>
          tx
            .insertInto('articles')
            .values({
              id: article.id,
              ...columnsOf(article),
              authorId: article.authorId,
              createdAt: article.now,
              updatedAt: article.now,
            })
            .execute(),
        constraintErrors(article.slug),
      );
    },

    async update(id, article, now) {
      await translateConstraintErrors(
        () =>
          tx
            .updateTable('articles')
            .set({ ...columnsOf(article), updatedAt: now })
            .where('id', '=', id)
            .execute(),
        constraintErrors(article.slug),
      );
    },

    async setStatus(id, status, publishedAt, now) {
      await tx.updateTable('articles').set({ status, publishedAt, updatedAt: now }).where('id', '=', id).execute();
    },

    async delete(id) {
      // Mini-test questions some attempt used cannot be deleted (nor can the article then):
      // whatever refers to the article keeps it.
      const used = await tx
        .selectFrom('questions')
        .select('id')
        .where('articleId', '=', id)
        .where('usedAt', 'is not', null)
        .limit(1)
        .executeTakeFirst();
      if (used) throw new ArticleInUseError();
      try {
        await tx.deleteFrom('articles').where('id', '=', id).execute();
      } catch (error) {
        // A student's assignment (#6) or an attempt refers to it.
        if ((error as { code?: unknown }).code === '23503' || violatedConstraint(error) !== undefined) {
          throw new ArticleInUseError();
        }
        throw error;
      }
    },

    async clearMinitest(articleId, now) {
      await tx
        .updateTable('questions')
        .set({ status: 'retired', retiredAt: now, updatedAt: now })
        .where('articleId', '=', articleId)
        .where('status', '=', 'active')
        .where('usedAt', 'is not', null)
        .execute();
      await tx.deleteFrom('questions').where('articleId', '=', articleId).where('usedAt', 'is', null).execute();
    },

    async insertMinitest(questions, now, createdBy) {
      if (questions.length === 0) return;
      await tx
        .insertInto('questions')
        .values(
          questions.map((question, index) => ({
            id: question.id,
            trackId: question.trackId,
            moduleId: question.moduleId,
            stageId: question.stageId,
            articleId: question.articleId,
            kind: question.kind,
            text: question.text,
            options: [...question.options],
            correct: [...question.correct],
            explanation: question.explanation,
            createdBy,
            // Their order is their creation order.
            createdAt: new Date(now.getTime() + index),
            updatedAt: now,
          })),
        )
        .execute();
    },
  };
}
