import { visibleTo } from '../../domain/access.ts';
import { normalizeTag } from '../../domain/article.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Published articles the reader may see, newest first; with `q`, ranked search results with snippets. */
export function listPublished(deps: ContentDeps): ContentUseCases['listPublished'] {
  return (query) => {
    const q = query.q?.trim();
    const tag = query.tag === undefined ? undefined : normalizeTag(query.tag);
    return deps.reads.listPublished({
      visibilities: visibleTo(query.reader),
      tag: tag || undefined,
      q: q || undefined,
      locale: query.locale,
      limit: query.limit,
      offset: query.offset,
    });
  };
}
