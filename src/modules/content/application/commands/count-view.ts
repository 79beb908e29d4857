import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** One more view of a published article: a single increment, nothing about the reader is kept. */
export function countView(deps: ContentDeps): ContentUseCases['countView'] {
  return ({ slug }) => deps.reads.countView(slug.toLowerCase());
}
