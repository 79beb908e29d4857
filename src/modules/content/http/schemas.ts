import { Type } from 'typebox';
import type { ArticleSummary, ArticleView, MinitestQuestion, PublicArticle } from '../application/contract.ts';
import { ARTICLE_LIMITS } from '../domain/article.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Locale = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('students')]);
export const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

const TocEntry = Type.Object({ level: Type.Integer(), id: Type.String(), text: Type.String() });
const Tags = Type.Array(Type.String());

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 300 }) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

export const PublicListQuery = Type.Object({
  tag: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  locale: Type.Optional(Locale),
  ...paging,
});

export const StaffListQuery = Type.Object({
  status: Type.Optional(Status),
  visibility: Type.Optional(Visibility),
  locale: Type.Optional(Locale),
  trackId: Type.Optional(Type.String({ maxLength: 100 })),
  tag: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  ...paging,
});

/** Lengths and counts are the module's rules (a 422 naming every failing field); these bounds only stop absurd input. */
const draftFields = {
  title: Type.String({ maxLength: ARTICLE_LIMITS.titleMax * 10 }),
  slug: Type.String({ maxLength: 1000 }),
  summary: Type.String({ maxLength: ARTICLE_LIMITS.summaryMax * 10 }),
  body: Type.String({ maxLength: ARTICLE_LIMITS.bodyMax * 2 }),
  locale: Locale,
  tags: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 100 }),
  visibility: Visibility,
  trackId: Nullable(Type.String({ maxLength: 100 })),
  moduleId: Nullable(Type.String({ maxLength: 100 })),
  stageId: Nullable(Type.String({ maxLength: 100 })),
  position: Nullable(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000_000 })),
};

export const CreateBody = Type.Object({
  title: draftFields.title,
  body: draftFields.body,
  locale: draftFields.locale,
  slug: Type.Optional(draftFields.slug),
  summary: Type.Optional(draftFields.summary),
  tags: Type.Optional(draftFields.tags),
  visibility: Type.Optional(draftFields.visibility),
  trackId: Type.Optional(draftFields.trackId),
  moduleId: Type.Optional(draftFields.moduleId),
  stageId: Type.Optional(draftFields.stageId),
  position: Type.Optional(draftFields.position),
});

export const PatchBody = Type.Partial(Type.Object(draftFields));

export const PreviewBody = Type.Object({ body: draftFields.body });
export const PreviewResult = Type.Object({ html: Type.String(), toc: Type.Array(TocEntry) });

const Kind = Type.Union([Type.Literal('single'), Type.Literal('multiple')]);
const MinitestDraft = Type.Object({
  kind: Kind,
  text: Type.String({ maxLength: 40_000 }),
  options: Type.Array(Type.String({ maxLength: 4_000 }), { maxItems: 50 }),
  correct: Type.Array(Type.Integer({ minimum: 0, maximum: 1000 }), { maxItems: 50 }),
  explanation: Type.Optional(Type.String({ maxLength: 40_000 })),
});
export const MinitestBody = Type.Object({ questions: Type.Array(MinitestDraft, { maxItems: 100 }) });
const MinitestQuestionSchema = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  kind: Kind,
  text: Type.String(),
  options: Type.Array(Type.String()),
  correct: Type.Array(Type.Integer()),
  explanation: Type.String(),
});
export const MinitestResult = Type.Object({ questions: Type.Array(MinitestQuestionSchema) });

export const PublicListItem = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  locale: Locale,
  tags: Tags,
  publishedAt: DateTime,
  snippet: Type.Optional(Type.String({ description: 'HTML: only <mark> elements, everything else escaped' })),
});
export const PublicList = Type.Object({ items: Type.Array(PublicListItem), total: Type.Integer() });

export const PublicArticleSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  html: Type.String({ description: 'Sanitized HTML rendered from the Markdown body' }),
  toc: Type.Array(TocEntry),
  locale: Locale,
  tags: Tags,
  visibility: Visibility,
  trackId: Nullable(Uuid),
  trackSlug: Nullable(Type.String()),
  trackTitle: Nullable(Type.String()),
  moduleId: Nullable(Uuid),
  stageId: Nullable(Uuid),
  position: Nullable(Type.Integer()),
  authorName: Nullable(Type.String()),
  viewCount: Type.Integer(),
  publishedAt: DateTime,
  updatedAt: DateTime,
});

export const TagList = Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) });

const StaffListItem = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  locale: Locale,
  tags: Tags,
  visibility: Visibility,
  status: Status,
  publishedAt: Nullable(DateTime),
  updatedAt: DateTime,
  trackId: Nullable(Uuid),
  moduleId: Nullable(Uuid),
  stageId: Nullable(Uuid),
  position: Nullable(Type.Integer()),
  viewCount: Type.Integer(),
});
export const StaffList = Type.Object({ items: Type.Array(StaffListItem), total: Type.Integer() });

export const ArticleSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  body: Type.String({ description: 'Markdown' }),
  html: Type.String(),
  toc: Type.Array(TocEntry),
  locale: Locale,
  tags: Tags,
  visibility: Visibility,
  status: Status,
  trackId: Nullable(Uuid),
  moduleId: Nullable(Uuid),
  stageId: Nullable(Uuid),
  position: Nullable(Type.Integer()),
  publishedAt: Nullable(DateTime),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  viewCount: Type.Integer(),
  minitestSize: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function publicListItemJson(article: ArticleSummary) {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    locale: article.locale,
    tags: [...article.tags],
    publishedAt: iso(article.publishedAt) ?? '',
    ...(article.snippet === undefined ? {} : { snippet: article.snippet }),
  };
}

export function publicArticleJson(article: PublicArticle) {
  return { ...article, publishedAt: article.publishedAt.toISOString(), updatedAt: article.updatedAt.toISOString() };
}

export function staffListItemJson(article: ArticleSummary) {
  const { snippet: _snippet, ...rest } = article;
  return { ...rest, publishedAt: iso(article.publishedAt), updatedAt: article.updatedAt.toISOString() };
}

export function articleJson(article: ArticleView) {
  return {
    ...article,
    publishedAt: iso(article.publishedAt),
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

export function minitestJson(questions: readonly MinitestQuestion[]) {
  return { questions: questions.map((question) => ({ ...question })) };
}
