import { type RawBuilder, sql } from 'kysely';
import type { ArticleLocale } from '../application/contract.ts';

// ts_headline marks matches with these (private-use characters): the snippet is escaped
// first, then only balanced marker pairs become <mark> elements.
const START = '\uE000';
const STOP = '\uE001';
// ts_headline's parser drops anything that looks like a tag: angle brackets are hidden from it
// and shown (escaped) again, so a reader sees the text as written.
const LT = '\uE002';
const GT = '\uE003';

/** The text ts_headline cuts the snippet from (`a` = articles). */
export const HEADLINE_SOURCE = sql`translate(a.body, '<>', ${LT + GT})`;

export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=" … "`;

const CONFIG: Record<ArticleLocale, string> = { ru: 'russian', en: 'english' };

/**
 * The query of a reader's search words: in the given language's configuration, or else in
 * either (so «урок» finds «уроки» and "lesson" finds "lessons" whatever the article's language).
 */
export function searchQuery(q: string, locale: ArticleLocale | undefined): RawBuilder<unknown> {
  if (locale) return sql`websearch_to_tsquery(${sql.lit(CONFIG[locale])}::regconfig, ${q})`;
  return sql`(websearch_to_tsquery('russian'::regconfig, ${q}) || websearch_to_tsquery('english'::regconfig, ${q}))`;
}

/** The article's own text search configuration (`a` = articles). */
export const ARTICLE_CONFIG = sql`(CASE WHEN a.locale = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END)`;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A headline as safe HTML: everything escaped, only the match markers turned into <mark>. */
export function safeSnippet(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
  return escaped
    .replace(new RegExp(`${START}([^${START}${STOP}]*)${STOP}`, 'g'), '<mark>$1</mark>')
    .replace(new RegExp(`[${START}${STOP}]`, 'g'), '')
    .replaceAll(LT, '&lt;')
    .replaceAll(GT, '&gt;');
}
