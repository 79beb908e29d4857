import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** The article's current (active) mini-test questions, in order, with their correct options. */
export function minitest(deps: ContentDeps): ContentUseCases['minitest'] {
  return async ({ actor, id }) => {
    assertCanEdit(actor);
    const article = isUuid(id) ? await deps.reads.byId(id.toLowerCase()) : undefined;
    if (!article) throw new ArticleNotFoundError();
    return deps.reads.minitest(article.id);
  };
}
