import { assertCanEdit } from '../../domain/access.ts';
import { ARTICLE_LIMITS } from '../../domain/article.ts';
import { InvalidArticleError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Renders Markdown exactly as saving would, for the editor's live preview. */
export function preview(deps: ContentDeps): ContentUseCases['preview'] {
  return async ({ actor, body }) => {
    assertCanEdit(actor);
    if (body.length > ARTICLE_LIMITS.bodyMax) {
      throw new InvalidArticleError([{ path: '/body', code: 'too_long', params: { max: ARTICLE_LIMITS.bodyMax } }]);
    }
    return deps.render(body);
  };
}
