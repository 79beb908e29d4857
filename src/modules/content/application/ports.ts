import type { AuditLog } from '../../../shared/application/audit.ts';
import type { FieldIssue } from '../../../shared/domain/errors.ts';
import type { TrackPlaces } from '../domain/article.ts';
import type {
  ArticleLocale,
  ArticleStatus,
  ArticleSummary,
  ArticleView,
  ArticleVisibility,
  FeedEntry,
  MinitestQuestion,
  MinitestQuestionDraft,
  Page,
  PublicArticle,
  TagCount,
  TocEntry,
} from './contract.ts';

export type RenderedMarkdown = Readonly<{ html: string; toc: readonly TocEntry[] }>;

/** Markdown → sanitized HTML with heading anchors and a table of contents. */
export type MarkdownRenderer = (source: string) => RenderedMarkdown;

/** The catalog as the content module needs it: where an article may be linked. */
export type ContentTracks = {
  places(trackId: string): Promise<TrackPlaces | undefined>;
  holdTrack(trackId: string): Promise<void>;
};

/** The question bank's rules for one mini-test question (issues relative to the question). */
export type MinitestRules = (
  question: MinitestQuestionDraft & Readonly<{ trackId: string; moduleId: string; stageId: string | null }>,
  track: TrackPlaces,
) => FieldIssue[];

export type PublicFilter = Readonly<{
  visibilities: readonly ArticleVisibility[];
  tag?: string | undefined;
  q?: string | undefined;
  locale?: ArticleLocale | undefined;
  limit: number;
  offset: number;
}>;

export type StaffFilter = Readonly<{
  status?: ArticleStatus | undefined;
  visibility?: ArticleVisibility | undefined;
  locale?: ArticleLocale | undefined;
  trackId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}>;

export type ContentReads = {
  listPublished(filter: PublicFilter): Promise<Page<ArticleSummary>>;
  publishedBySlug(slug: string, visibilities: readonly ArticleVisibility[]): Promise<PublicArticle | undefined>;
  countView(slug: string): Promise<void>;
  tags(visibilities: readonly ArticleVisibility[]): Promise<readonly TagCount[]>;
  feed(locale: ArticleLocale | undefined, limit: number): Promise<readonly FeedEntry[]>;
  sitemap(): Promise<readonly Readonly<{ slug: string; updatedAt: Date }>[]>;
  listForStaff(filter: StaffFilter): Promise<Page<ArticleSummary>>;
  byId(id: string): Promise<ArticleView | undefined>;
  minitest(articleId: string): Promise<readonly MinitestQuestion[]>;
};

/** An article's stored fields (what a write sets). */
export type ArticleRecord = Readonly<{
  slug: string;
  title: string;
  summary: string;
  body: string;
  html: string;
  toc: readonly TocEntry[];
  locale: ArticleLocale;
  tags: readonly string[];
  visibility: ArticleVisibility;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  position: number | null;
}>;

export type NewMinitestQuestion = MinitestQuestionDraft &
  Readonly<{ id: string; trackId: string; moduleId: string; stageId: string | null; articleId: string }>;

export type ArticleRepository = {
  /** The article, locked until the transaction ends. */
  lockById(id: string): Promise<ArticleView | undefined>;
  byId(id: string): Promise<ArticleView | undefined>;
  /** The position after the last article of the stage (or, without a stage, of the module). */
  nextPosition(place: Readonly<{ moduleId: string | null; stageId: string | null }>): Promise<number>;
  insert(article: ArticleRecord & Readonly<{ id: string; authorId: string; now: Date }>): Promise<void>;
  update(id: string, article: ArticleRecord, now: Date): Promise<void>;
  setStatus(id: string, status: ArticleStatus, publishedAt: Date | null, now: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /** Retires the article's questions some attempt used and deletes the others. */
  clearMinitest(articleId: string, now: Date): Promise<void>;
  insertMinitest(questions: readonly NewMinitestQuestion[], now: Date, createdBy: string): Promise<void>;
};

export type ContentAuditAction = 'article.published' | 'article.unpublished' | 'article.deleted';

export type ContentRepositories = {
  articles: ArticleRepository;
  tracks: ContentTracks;
  audit: AuditLog<ContentAuditAction>;
};

export type ContentUnitOfWork = { run<T>(work: (repositories: ContentRepositories) => Promise<T>): Promise<T> };

export type ContentDeps = Readonly<{
  uow: ContentUnitOfWork;
  reads: ContentReads;
  render: MarkdownRenderer;
  minitestRules: MinitestRules;
  newId: () => string;
}>;
