import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';
import { changeStatus } from './change-status.ts';

/** Makes a draft visible to its readers (audited as `article.published`). */
export function publishArticle(deps: ContentDeps): ContentUseCases['publish'] {
  return (input) => changeStatus(deps, input, 'published');
}
