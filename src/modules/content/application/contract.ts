import type { RequestOrigin } from '../../../shared/domain/audit.ts';

/**
 * What the content module offers its callers (JSON routes, pages, the demo seed, and #6's
 * progress module). Every use case checks the actor itself: writing articles is for moderators,
 * admins and the owner (403 `content.forbidden` otherwise); readers see only published articles,
 * and `students`-only articles only when signed in (a guest gets 404, never 403).
 */
export type ContentActor = Readonly<{ id: string; role: 'student' | 'moderator' | 'admin' | 'owner' }>;

export type ArticleLocale = 'ru' | 'en';
export type ArticleVisibility = 'public' | 'students';
export type ArticleStatus = 'draft' | 'published';

/** An article as an editor submits it (create: every field; update: any subset). */
export type ArticleDraft = Readonly<{
  title: string;
  /** Lower-case latin letters, digits and hyphens; generated from the title when empty. */
  slug?: string | undefined;
  summary: string;
  /** Markdown; rendered to sanitized HTML at save. */
  body: string;
  locale: ArticleLocale;
  tags: readonly string[];
  visibility: ArticleVisibility;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  /** Order within its stage (or module); null = last. */
  position: number | null;
}>;

/** One entry of a rendered article's table of contents (headings get stable anchors). */
export type TocEntry = Readonly<{ level: number; id: string; text: string }>;

/** An article as its editors see it. */
export type ArticleView = Readonly<{
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  /** Sanitized HTML rendered from `body` at save. */
  html: string;
  toc: readonly TocEntry[];
  locale: ArticleLocale;
  tags: readonly string[];
  visibility: ArticleVisibility;
  status: ArticleStatus;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  position: number | null;
  publishedAt: Date | null;
  authorId: string | null;
  authorName: string | null;
  viewCount: number;
  /** How many mini-test questions the article has. */
  minitestSize: number;
  createdAt: Date;
  updatedAt: Date;
}>;

/** What a reader sees of a published article. */
export type PublicArticle = Omit<ArticleView, 'body' | 'status' | 'authorId' | 'minitestSize' | 'createdAt'> &
  Readonly<{ publishedAt: Date; trackSlug: string | null; trackTitle: string | null }>;

/** A list entry; `snippet` (HTML with only `<mark>` tags, everything else escaped) when searching. */
export type ArticleSummary = Readonly<{
  id: string;
  slug: string;
  title: string;
  summary: string;
  locale: ArticleLocale;
  tags: readonly string[];
  visibility: ArticleVisibility;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  position: number | null;
  viewCount: number;
  snippet?: string | undefined;
}>;

export type PublicArticleQuery = Readonly<{
  /** Signed-in readers also see `students` articles. */
  reader: ContentActor | null;
  tag?: string | undefined;
  /** Full-text search (the article's language stemming; ranked; with snippets). */
  q?: string | undefined;
  locale?: ArticleLocale | undefined;
  limit: number;
  offset: number;
}>;

export type AdminArticleQuery = Readonly<{
  actor: ContentActor;
  status?: ArticleStatus | undefined;
  visibility?: ArticleVisibility | undefined;
  locale?: ArticleLocale | undefined;
  trackId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}>;

export type Page<T> = Readonly<{ items: readonly T[]; total: number }>;

export type TagCount = Readonly<{ tag: string; count: number }>;

/** A mini-test question as editors write it (single or multiple choice, like the bank's). */
export type MinitestQuestionDraft = Readonly<{
  kind: 'single' | 'multiple';
  text: string;
  options: readonly string[];
  correct: readonly number[];
  explanation: string;
}>;

export type MinitestQuestion = MinitestQuestionDraft & Readonly<{ id: string; position: number }>;

/** For the feed and the sitemap: newest first. */
export type FeedEntry = Readonly<{
  slug: string;
  title: string;
  summary: string;
  html: string;
  tags: readonly string[];
  authorName: string | null;
  publishedAt: Date;
  updatedAt: Date;
}>;

type Write = Readonly<{ actor: ContentActor; origin: RequestOrigin | null; now: Date }>;

export type ContentUseCases = Readonly<{
  // Public reading
  listPublished(query: PublicArticleQuery): Promise<Page<ArticleSummary>>;
  /** 404 (`content.article_not_found`) for drafts and, for guests, `students` articles. */
  readArticle(input: { slug: string; reader: ContentActor | null }): Promise<PublicArticle>;
  /** Adds one view; stores nothing about the reader. */
  countView(input: { slug: string }): Promise<void>;
  tags(input: { reader: ContentActor | null }): Promise<readonly TagCount[]>;
  /** Public articles only (never `students` ones), for RSS/Atom. */
  feed(input: { locale?: ArticleLocale | undefined; limit: number }): Promise<readonly FeedEntry[]>;
  /** Every public published article's slug and last change, for sitemap.xml. */
  sitemap(): Promise<readonly Readonly<{ slug: string; updatedAt: Date }>[]>;

  // Editing (moderators, admins, the owner)
  listForStaff(query: AdminArticleQuery): Promise<Page<ArticleSummary>>;
  getForStaff(input: { actor: ContentActor; id: string }): Promise<ArticleView>;
  create(input: Write & { draft: ArticleDraft }): Promise<ArticleView>;
  update(input: Write & { id: string; changes: Partial<ArticleDraft> }): Promise<ArticleView>;
  publish(input: Write & { id: string }): Promise<ArticleView>;
  unpublish(input: Write & { id: string }): Promise<ArticleView>;
  /** 409 (`content.article_in_use`) once a student's assignment refers to it (#6). */
  remove(input: Write & { id: string }): Promise<void>;
  /** Renders Markdown exactly as saving would (for the editor's live preview). */
  preview(input: { actor: ContentActor; body: string }): Promise<Readonly<{ html: string; toc: readonly TocEntry[] }>>;
  minitest(input: { actor: ContentActor; id: string }): Promise<readonly MinitestQuestion[]>;
  /**
   * Replaces the article's mini-test (0..20 questions) in one transaction. The article must be
   * linked to a track and a module (422 `content.minitest_needs_module`): its questions live in the
   * question bank's table with `article_id` set, outside every exam pool.
   */
  replaceMinitest(
    input: Write & { id: string; questions: readonly MinitestQuestionDraft[] },
  ): Promise<readonly MinitestQuestion[]>;
}>;
