import type { ArticleDraft, ArticleView } from '../../application/contract.ts';
import type { ArticleForm } from '../views/article-form-page.tsx';
import { ARTICLE_LOCALES, ARTICLE_VISIBILITIES } from '../views/articles-list-page.tsx';
import { type FormBody, oneOf } from './support.ts';

export const ARTICLE_FIELDS = [
  'title',
  'slug',
  'summary',
  'body',
  'locale',
  'tags',
  'visibility',
  'trackId',
  'moduleId',
  'stageId',
  'position',
  'action',
];

export function emptyForm(locale: 'ru' | 'en'): ArticleForm {
  return {
    title: '',
    slug: '',
    summary: '',
    body: '',
    locale,
    tags: '',
    visibility: 'public',
    trackId: '',
    moduleId: '',
    stageId: '',
    position: '',
  };
}

export function formOf(article: ArticleView): ArticleForm {
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: article.body,
    locale: article.locale,
    tags: article.tags.join(', '),
    visibility: article.visibility,
    trackId: article.trackId ?? '',
    moduleId: article.moduleId ?? '',
    stageId: article.stageId ?? '',
    position: article.position === null ? '' : String(article.position),
  };
}

export function parseForm(body: FormBody, fallbackLocale: 'ru' | 'en'): ArticleForm {
  return {
    title: body.title ?? '',
    slug: body.slug?.trim() ?? '',
    summary: body.summary ?? '',
    body: body.body ?? '',
    locale: oneOf(ARTICLE_LOCALES, body.locale) ?? fallbackLocale,
    tags: body.tags ?? '',
    visibility: oneOf(ARTICLE_VISIBILITIES, body.visibility) ?? 'public',
    trackId: body.trackId?.trim() ?? '',
    moduleId: body.moduleId?.trim() ?? '',
    stageId: body.stageId?.trim() ?? '',
    position: body.position?.trim() ?? '',
  };
}

/** Tags as typed: comma-separated, trimmed, empty ones and repeats left out. */
export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The draft the use case checks, or the fields the page can tell are wrong by itself (a position
 * that is not a whole number). Module and stage count only with a track.
 */
export function draftOf(form: ArticleForm): { draft: ArticleDraft } | { errors: Record<string, 'position'> } {
  let position: number | null = null;
  if (form.position !== '') {
    const value = Number(form.position);
    if (!Number.isSafeInteger(value)) return { errors: { '/position': 'position' } };
    position = value;
  }
  const trackId = form.trackId || null;
  return {
    draft: {
      title: form.title,
      slug: form.slug || undefined,
      summary: form.summary,
      body: form.body,
      locale: form.locale,
      tags: tagsOf(form.tags),
      visibility: form.visibility,
      trackId,
      moduleId: trackId ? form.moduleId || null : null,
      stageId: trackId ? form.stageId || null : null,
      position,
    },
  };
}
