import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import type { ArticleSummary, ArticleView, TocEntry } from '../application/contract.ts';

/** The columns of a list entry (`a` = articles). */
export const SUMMARY_COLUMNS = [
  'a.id',
  'a.slug',
  'a.title',
  'a.summary',
  'a.locale',
  'a.tags',
  'a.visibility',
  'a.status',
  'a.publishedAt',
  'a.updatedAt',
  'a.trackId',
  'a.moduleId',
  'a.stageId',
  'a.position',
  'a.viewCount',
] as const;

type SummaryRow = Omit<ArticleSummary, 'viewCount' | 'tags' | 'snippet'> & {
  viewCount: string | number;
  tags: string[];
};

export function summaryOf(row: SummaryRow, snippet?: string): ArticleSummary {
  return { ...row, viewCount: Number(row.viewCount), ...(snippet === undefined ? {} : { snippet }) };
}

/** One article as its editors see it, on the pool or in a transaction. */
export async function selectArticleView(
  executor: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ArticleView | undefined> {
  let query = executor
    .selectFrom('articles as a')
    .leftJoin('users as u', 'u.id', 'a.authorId')
    .select([
      ...SUMMARY_COLUMNS,
      'a.body',
      'a.html',
      'a.toc',
      'a.authorId',
      'a.createdAt',
      'u.displayName as authorName',
      sql<string>`(SELECT count(*) FROM questions q WHERE q.article_id = a.id AND q.status = 'active')`.as(
        'minitestSize',
      ),
    ])
    .where('a.id', '=', id);
  if (options.lock) query = query.forUpdate('a');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    toc: row.toc as TocEntry[],
    viewCount: Number(row.viewCount),
    minitestSize: Number(row.minitestSize),
  };
}
