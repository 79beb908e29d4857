import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Every public published article's slug and last change. */
export function sitemap(deps: ContentDeps): ContentUseCases['sitemap'] {
  return () => deps.reads.sitemap();
}
