import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { SLUG_MAX, SLUG_PATTERN, slugify } from './slug.ts';

export const ARTICLE_LIMITS = {
  titleMax: 200,
  summaryMax: 500,
  bodyMax: 200_000,
  tagMax: 40,
  tagsMax: 10,
  positionMax: 100_000,
} as const;

export const ARTICLE_LOCALES = ['ru', 'en'] as const;
export const ARTICLE_VISIBILITIES = ['public', 'students'] as const;

/** The fields an editor submits (the contract's `ArticleDraft`). */
export type ArticleFields = Readonly<{
  title: string;
  slug?: string | undefined;
  summary: string;
  body: string;
  locale: 'ru' | 'en';
  tags: readonly string[];
  visibility: 'public' | 'students';
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  position: number | null;
}>;

/** Tabs and line breaks are text; any other control character is refused. */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

/** Lower case, trimmed, inner white space collapsed. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Normalized, without empties and duplicates (first occurrence wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag).filter((tag) => tag !== ''))];
}

/** Trims what white space never means anything in; ids in lower case; the slug from the title when empty. */
export function normalizeArticle<T extends ArticleFields>(draft: T): T & { slug: string } {
  const title = draft.title.trim();
  const slug = draft.slug?.trim().toLowerCase() || slugify(title);
  return {
    ...draft,
    title,
    slug,
    summary: draft.summary.trim(),
    body: draft.body.replace(/\s+$/, ''),
    tags: normalizeTags(draft.tags),
    trackId: draft.trackId?.trim().toLowerCase() || null,
    moduleId: draft.moduleId?.trim().toLowerCase() || null,
    stageId: draft.stageId?.trim().toLowerCase() || null,
  };
}

/** Every rule a (normalized) article breaks, all at once; an empty list when it is fine. */
export function validateArticle(draft: ArticleFields & { slug: string }): FieldIssue[] {
  const { titleMax, summaryMax, bodyMax, tagMax, tagsMax, positionMax } = ARTICLE_LIMITS;
  const issues: FieldIssue[] = [];
  if (draft.title === '') issues.push({ path: '/title', code: 'required' });
  else if (draft.title.length > titleMax) issues.push({ path: '/title', code: 'too_long', params: { max: titleMax } });
  else if (CONTROL_CHARACTER.test(draft.title)) issues.push({ path: '/title', code: 'control_characters' });

  if (draft.slug === '') issues.push({ path: '/slug', code: 'slug_empty' });
  else if (draft.slug.length > SLUG_MAX) issues.push({ path: '/slug', code: 'too_long', params: { max: SLUG_MAX } });
  else if (!SLUG_PATTERN.test(draft.slug)) issues.push({ path: '/slug', code: 'slug_format' });

  if (draft.summary.length > summaryMax) {
    issues.push({ path: '/summary', code: 'too_long', params: { max: summaryMax } });
  } else if (CONTROL_CHARACTER.test(draft.summary)) issues.push({ path: '/summary', code: 'control_characters' });

  if (draft.body.trim() === '') issues.push({ path: '/body', code: 'required' });
  else if (draft.body.length > bodyMax) issues.push({ path: '/body', code: 'too_long', params: { max: bodyMax } });
  else if (CONTROL_CHARACTER.test(draft.body)) issues.push({ path: '/body', code: 'control_characters' });

  if (!(ARTICLE_LOCALES as readonly string[]).includes(draft.locale)) issues.push({ path: '/locale', code: 'locale' });
  if (!(ARTICLE_VISIBILITIES as readonly string[]).includes(draft.visibility)) {
    issues.push({ path: '/visibility', code: 'visibility' });
  }

  if (draft.tags.length > tagsMax) issues.push({ path: '/tags', code: 'too_many_tags', params: { max: tagsMax } });
  draft.tags.forEach((tag, index) => {
    if (tag.length > tagMax)
      issues.push({ path: `/tags/${index}`, code: 'tag_too_long', params: { tag, max: tagMax } });
    else if (CONTROL_CHARACTER.test(tag) || tag.includes(',')) {
      issues.push({ path: `/tags/${index}`, code: 'tag_characters', params: { tag } });
    }
  });

  if (draft.trackId === null && draft.moduleId !== null) issues.push({ path: '/moduleId', code: 'needs_track' });
  if (draft.trackId === null && draft.stageId !== null) issues.push({ path: '/stageId', code: 'needs_track' });
  if (
    draft.position !== null &&
    (!Number.isInteger(draft.position) || draft.position < 1 || draft.position > positionMax)
  ) {
    issues.push({ path: '/position', code: 'position', params: { max: positionMax } });
  }
  return issues;
}

/** Where an article may be linked: the modules and stages of its track (undefined: no such track). */
export type TrackPlaces = Readonly<{
  modules: readonly Readonly<{ id: string }>[];
  stages: readonly Readonly<{ id: string }>[];
}>;

/** The catalog links' issues: an unknown track, or a module/stage of another track. */
export function linkIssues(
  draft: Pick<ArticleFields, 'trackId' | 'moduleId' | 'stageId'>,
  track: TrackPlaces | undefined,
) {
  const issues: FieldIssue[] = [];
  if (draft.trackId === null) return issues;
  if (!track) return [{ path: '/trackId', code: 'unknown_track' }];
  if (draft.moduleId !== null && !track.modules.some((module) => module.id === draft.moduleId)) {
    issues.push({ path: '/moduleId', code: 'module_not_in_track' });
  }
  if (draft.stageId !== null && !track.stages.some((stage) => stage.id === draft.stageId)) {
    issues.push({ path: '/stageId', code: 'stage_not_in_track' });
  }
  return issues;
}
