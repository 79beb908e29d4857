import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Public published articles, newest first (never `students` ones), for RSS and Atom. */
export function feed(deps: ContentDeps): ContentUseCases['feed'] {
  return ({ locale, limit }) => deps.reads.feed(locale, Math.max(1, Math.min(limit, 100)));
}
