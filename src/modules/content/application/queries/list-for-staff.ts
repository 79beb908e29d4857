import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { normalizeTag } from '../../domain/article.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Every article, drafts included, last changed first; for editors. */
export function listForStaff(deps: ContentDeps): ContentUseCases['listForStaff'] {
  return async ({ actor, ...filter }) => {
    assertCanEdit(actor);
    // A track id that is not a UUID names no track: nothing is linked to it.
    if (filter.trackId !== undefined && !isUuid(filter.trackId)) return { items: [], total: 0 };
    const q = filter.q?.trim();
    const tag = filter.tag === undefined ? undefined : normalizeTag(filter.tag);
    return deps.reads.listForStaff({
      ...filter,
      trackId: filter.trackId?.toLowerCase(),
      q: q || undefined,
      tag: tag || undefined,
    });
  };
}
