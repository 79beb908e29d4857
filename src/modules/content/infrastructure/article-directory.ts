import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import { isUuid } from '../../../shared/domain/ids.ts';

export type StudyArticleRow = Readonly<{
  id: string;
  slug: string;
  title: string;
  summary: string;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  position: number | null;
  minitestSize: number;
}>;

/**
 * Published articles as the learning journey sees them (progress assigns them): core articles
 * of a stage, remedial articles of a module, one by id. On the pool or in a transaction.
 */
export function createArticleDirectory(db: Db) {
  const minitestSize = (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb
      .selectFrom('questions')
      .select((inner) => inner.fn.countAll<string>().as('n'))
      .whereRef('questions.articleId', '=', 'articles.id')
      .where('questions.status', '=', 'active')
      .as('minitestSize');
  const base = () =>
    db
      .selectFrom('articles')
      .select(['articles.id', 'slug', 'title', 'summary', 'trackId', 'moduleId', 'stageId', 'position'])
      .select(minitestSize)
      .where('articles.status', '=', 'published');
  const toArticle = (row: Omit<StudyArticleRow, 'minitestSize'> & { minitestSize: string | number | null }) => ({
    ...row,
    minitestSize: Number(row.minitestSize ?? 0),
  });
  return {
    async coreArticles(trackId: string, stageId: string): Promise<StudyArticleRow[]> {
      const rows = await base()
        .where('trackId', '=', trackId)
        .where('stageId', '=', stageId)
        .orderBy(sql`position NULLS LAST`)
        .orderBy('publishedAt')
        .orderBy('articles.id')
        .execute();
      return rows.map(toArticle);
    },
    async remedialArticles(trackId: string, moduleId: string, beforeStagePosition: number): Promise<StudyArticleRow[]> {
      const rows = await base()
        .where('trackId', '=', trackId)
        .where('moduleId', '=', moduleId)
        .where((eb) =>
          eb.or([
            eb('stageId', 'is', null),
            eb(
              'stageId',
              'in',
              eb
                .selectFrom('stages')
                .select('stages.id')
                .where('stages.trackId', '=', trackId)
                .where('stages.position', '<', beforeStagePosition),
            ),
          ]),
        )
        .orderBy(sql`stage_id NULLS FIRST`)
        .orderBy(sql`position NULLS LAST`)
        .orderBy('publishedAt')
        .orderBy('articles.id')
        .execute();
      return rows.map(toArticle);
    },
    async byId(articleId: string): Promise<StudyArticleRow | undefined> {
      if (!isUuid(articleId)) return undefined;
      const row = await base().where('articles.id', '=', articleId.toLowerCase()).executeTakeFirst();
      return row && toArticle(row);
    },
  };
}
