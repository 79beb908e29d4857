import { isUuid } from '../../../../shared/domain/ids.ts';
import { type ArticleFields, linkIssues, normalizeArticle, validateArticle } from '../../domain/article.ts';
import { InvalidArticleError } from '../../domain/errors.ts';
import type { ArticleRecord, ContentDeps, ContentRepositories } from '../ports.ts';

/**
 * Normalizes and checks an article as a whole (every failing field at once, catalog links
 * included), renders its Markdown and places it last in its stage or module when no position
 * is given.
 */
export async function prepareArticle(
  fields: ArticleFields,
  repositories: ContentRepositories,
  render: ContentDeps['render'],
): Promise<ArticleRecord> {
  const draft = normalizeArticle(fields);
  const issues = validateArticle(draft);
  if (draft.trackId !== null) {
    const track = isUuid(draft.trackId) ? await repositories.tracks.places(draft.trackId) : undefined;
    issues.push(...linkIssues(draft, track));
  }
  if (issues.length > 0) throw new InvalidArticleError(issues);
  const { html, toc } = render(draft.body);
  const linked = draft.moduleId !== null || draft.stageId !== null;
  const position =
    draft.position ??
    (linked ? await repositories.articles.nextPosition({ moduleId: draft.moduleId, stageId: draft.stageId }) : null);
  return {
    slug: draft.slug,
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    html,
    toc,
    locale: draft.locale,
    tags: draft.tags,
    visibility: draft.visibility,
    trackId: draft.trackId,
    moduleId: draft.moduleId,
    stageId: draft.stageId,
    position,
  };
}
