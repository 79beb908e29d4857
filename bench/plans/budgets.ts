import type { Budget, Rules } from './rules.ts';

/** A table this large (pg_class.reltuples) must not be read whole by a hot query. */
export const RULES: Rules = { largeTableRows: 10_000, mostOfTableShare: 0.5 };

/** Per statement: rows read by its table scans, buffers touched (shared hit + read). */
export const DEFAULT_BUDGET: Budget = { rows: 1_000, buffers: 1_000 };

/**
 * Operations allowed more, each with the reason. An override applies to every statement of
 * the operation; keep them few and explain them.
 */
export const BUDGET_OVERRIDES: Readonly<Record<string, Budget & { reason: string }>> = {
  'articles.list': publishedTotal(),
  'articles.tag': {
    ...publishedTotal(),
    reason: "the total counts the tag's published articles; the seed's few tags each cover a large share",
  },
  'articles.deep-page': {
    ...publishedTotal(),
    reason: 'offset paging skips `offset` entries of articles_public_idx (index-only, deferred join), plus the total',
  },
  'blog.list-page': {
    ...publishedTotal(),
    reason: 'the total and the tag cloud read every published public article from an index (index-only)',
  },
  'articles.search-ru': rankedSearch(),
  'articles.search-en': rankedSearch(),
  'blog.search-page': rankedSearch(),
  'questions.bank-list': {
    rows: 20_000,
    buffers: 1_000,
    wholeIndexReads: true,
    reason:
      "the pager's total counts a track's own questions (≈ 17k at 100k students) index-only in questions_bank_idx",
  },
  'analytics.track': {
    rows: 150_000,
    buffers: 3_000,
    wholeIndexReads: true,
    reason:
      "a staff report aggregating every enrollment, stage and outcome of the track, index-only (O(track's students))",
  },
  'exam.start': {
    rows: 20_000,
    buffers: 4_000,
    reason:
      "the first start after a bank change loads the track's exam pool (≈ 17k questions, 3.2k pages at 100k students; then kept in memory per bank generation, one read for concurrent starts)",
  },
};

/** The public article list's total: every published public article, counted index-only. */
function publishedTotal(): Budget & { reason: string } {
  return {
    rows: 15_000,
    buffers: 1_000,
    wholeIndexReads: true,
    reason:
      'the total counts every published public article (≈ 12k at 100k students), index-only in articles_public_idx',
  };
}

/** A ranked full-text search reads every match; the seed's 100-word vocabulary makes each word common. */
function rankedSearch(): Budget & { reason: string } {
  return {
    rows: 5_000,
    buffers: 3_000,
    reason: 'ts_rank_cd and the total read every matching article; each seeded word matches ~half of them',
  };
}

export function budgetFor(operation: string): Budget {
  const override = BUDGET_OVERRIDES[operation];
  if (!override) return DEFAULT_BUDGET;
  const { reason: _reason, ...budget } = override;
  return budget;
}
