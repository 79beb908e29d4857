/** The content module's tables as Kysely sees them (camelCase). */
import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ArticleTable = {
  id: string;
  slug: string;
  title: string;
  summary: Defaulted<string>;
  body: string;
  html: string;
  /** `TocEntry[]` as JSON. */
  toc: ColumnType<unknown, string | undefined, string>;
  locale: 'ru' | 'en';
  tags: Defaulted<string[]>;
  visibility: Defaulted<'public' | 'students'>;
  status: Defaulted<'draft' | 'published'>;
  publishedAt: Defaulted<Date | null>;
  authorId: Defaulted<string | null>;
  trackId: Defaulted<string | null>;
  moduleId: Defaulted<string | null>;
  stageId: Defaulted<string | null>;
  position: Defaulted<number | null>;
  /** bigint: read as a string. */
  viewCount: ColumnType<string, never, never>;
  createdAt: Date;
  updatedAt: Date;
  /** Generated (the full-text search vector); never written. */
  search: ColumnType<string, never, never>;
};

export type ContentTables = {
  articles: ArticleTable;
};
