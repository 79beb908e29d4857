import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';
import { changeStatus } from './change-status.ts';

/** Takes an article back to draft (audited as `article.unpublished`). */
export function unpublishArticle(deps: ContentDeps): ContentUseCases['unpublish'] {
  return (input) => changeStatus(deps, input, 'draft');
}
