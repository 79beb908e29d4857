import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { containsPattern } from '../../../shared/infrastructure/db/like-pattern.ts';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import type { ArticleVisibility, MinitestQuestion, TocEntry } from '../application/contract.ts';
import type { ContentReads, PublicFilter, StaffFilter } from '../application/ports.ts';
import { SUMMARY_COLUMNS, selectArticleView, summaryOf } from './article-columns.ts';
import { ARTICLE_CONFIG, HEADLINE_OPTIONS, HEADLINE_SOURCE, safeSnippet, searchQuery } from './search.ts';

type Eb = ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>;

/** PostgreSQL text cannot hold U+0000: such a search matches nothing. */
const hasNul = (text: string | undefined) => text?.includes('\u0000') ?? false;

function visible(visibilities: readonly ArticleVisibility[]) {
  return (eb: Eb) => eb.and([eb('a.status', '=', 'published'), eb('a.visibility', 'in', [...visibilities])]);
}

export function createContentReads(db: Db): ContentReads {
  async function listPublished(filter: PublicFilter) {
    if (hasNul(filter.q) || hasNul(filter.tag)) return { items: [], total: 0 };
    const tsQuery = filter.q ? searchQuery(filter.q, filter.locale) : undefined;
    let query = db.selectFrom('articles as a').where(visible(filter.visibilities));
    if (filter.locale) query = query.where('a.locale', '=', filter.locale);
    if (filter.tag) query = query.where('a.tags', '@>', sql<string[]>`ARRAY[${filter.tag}]::text[]`);
    if (tsQuery) query = query.where(sql<boolean>`a.search @@ ${tsQuery}`);
    const count = query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
    if (!tsQuery) {
      // A deferred join: the page's ids come from the listing index alone (an index-only scan
      // skips the offset's rows without visiting them), then only the page's rows are read.
      const page = query
        .select('a.id')
        .orderBy('a.publishedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset);
      const [rows, total] = await Promise.all([
        db
          .selectFrom('articles as a')
          .select(SUMMARY_COLUMNS)
          .where('a.id', 'in', page)
          .orderBy('a.publishedAt', 'desc')
          .orderBy('a.id', 'desc')
          .execute(),
        count,
      ]);
      return { items: rows.map((row) => summaryOf(row)), total: Number(total.total) };
    }
    const [rows, total] = await Promise.all([
      query
        .select(SUMMARY_COLUMNS)
        .select(
          sql<string>`ts_headline(${ARTICLE_CONFIG}, ${HEADLINE_SOURCE}, ${tsQuery}, ${HEADLINE_OPTIONS})`.as(
            'headline',
          ),
        )
        .orderBy(sql`ts_rank_cd(a.search, ${tsQuery})`, 'desc')
        .orderBy('a.publishedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      count,
    ]);
    return {
      items: rows.map(({ headline, ...row }) => summaryOf(row, safeSnippet(headline))),
      total: Number(total.total),
    };
  }

  async function listForStaff(filter: StaffFilter) {
    if (hasNul(filter.q) || hasNul(filter.tag)) return { items: [], total: 0 };
    let query = db.selectFrom('articles as a');
    if (filter.status) query = query.where('a.status', '=', filter.status);
    if (filter.visibility) query = query.where('a.visibility', '=', filter.visibility);
    if (filter.locale) query = query.where('a.locale', '=', filter.locale);
    if (filter.trackId) query = query.where('a.trackId', '=', filter.trackId);
    if (filter.tag) query = query.where('a.tags', '@>', sql<string[]>`ARRAY[${filter.tag}]::text[]`);
    if (filter.q) {
      const tsQuery = searchQuery(filter.q, undefined);
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`a.search @@ ${tsQuery}`,
          eb('a.title', 'ilike', containsPattern(q)),
          eb('a.slug', 'ilike', containsPattern(q)),
        ]),
      );
    }
    const [rows, total] = await Promise.all([
      query
        .select(SUMMARY_COLUMNS)
        .orderBy('a.updatedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((row) => summaryOf(row)), total: Number(total.total) };
  }

  return {
    listPublished,
    listForStaff,

    async publishedBySlug(slug, visibilities) {
      const row = await db
        .selectFrom('articles as a')
        .leftJoin('users as u', 'u.id', 'a.authorId')
        .leftJoin('tracks as t', 't.id', 'a.trackId')
        .select([
          ...SUMMARY_COLUMNS,
          'a.html',
          'a.toc',
          'u.displayName as authorName',
          't.slug as trackSlug',
          't.title as trackTitle',
        ])
        .where('a.slug', '=', slug)
        .where(visible(visibilities))
        .executeTakeFirst();
      if (!row || row.publishedAt === null) return undefined;
      const { status: _status, ...rest } = row;
      return {
        ...rest,
        publishedAt: row.publishedAt,
        toc: row.toc as TocEntry[],
        viewCount: Number(row.viewCount),
      };
    },

    async countView(slug) {
      await db
        .updateTable('articles')
        .set({ viewCount: sql`view_count + 1` } as never)
        .where('slug', '=', slug)
        .where('status', '=', 'published')
        .execute();
    },

    async tags(visibilities) {
      const result = await sql<{ tag: string; count: string }>`
        SELECT tag, count(*) AS count
        FROM articles AS a CROSS JOIN LATERAL unnest(a.tags) AS tag
        WHERE a.status = 'published' AND a.visibility = ANY(${[...visibilities]}::text[])
        GROUP BY tag
        ORDER BY count(*) DESC, tag
      `.execute(db);
      return result.rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
    },

    async feed(locale, limit) {
      let query = db
        .selectFrom('articles as a')
        .leftJoin('users as u', 'u.id', 'a.authorId')
        .select([
          'a.slug',
          'a.title',
          'a.summary',
          'a.html',
          'a.tags',
          'a.publishedAt',
          'a.updatedAt',
          'u.displayName as authorName',
        ])
        .where(visible(['public']));
      if (locale) query = query.where('a.locale', '=', locale);
      const rows = await query.orderBy('a.publishedAt', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
      return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? row.updatedAt }));
    },

    sitemap: () =>
      db
        .selectFrom('articles as a')
        .select(['a.slug', 'a.updatedAt'])
        .where(visible(['public']))
        .orderBy('a.publishedAt', 'desc')
        .orderBy('a.id', 'desc')
        .execute(),

    byId: (id) => selectArticleView(db, id),

    async minitest(articleId) {
      const rows = await db
        .selectFrom('questions')
        .select(['id', 'kind', 'text', 'options', 'correct', 'explanation'])
        .where('articleId', '=', articleId)
        .where('status', '=', 'active')
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map((row, index): MinitestQuestion => ({ ...row, position: index + 1 }));
    },
  };
}
