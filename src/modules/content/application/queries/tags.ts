import { visibleTo } from '../../domain/access.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** The tags of the published articles the reader may see, with how many articles carry each. */
export function tags(deps: ContentDeps): ContentUseCases['tags'] {
  return ({ reader }) => deps.reads.tags(visibleTo(reader));
}
