import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** One article as its editors see it (drafts too). */
export function getForStaff(deps: ContentDeps): ContentUseCases['getForStaff'] {
  return async ({ actor, id }) => {
    assertCanEdit(actor);
    const article = isUuid(id) ? await deps.reads.byId(id.toLowerCase()) : undefined;
    if (!article) throw new ArticleNotFoundError();
    return article;
  };
}
