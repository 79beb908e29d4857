import { visibleTo } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** A published article; drafts, and `students` articles for guests, are 404 (never 403). */
export function readArticle(deps: ContentDeps): ContentUseCases['readArticle'] {
  return async ({ slug, reader }) => {
    const article = await deps.reads.publishedBySlug(slug.toLowerCase(), visibleTo(reader));
    if (!article) throw new ArticleNotFoundError();
    return article;
  };
}
