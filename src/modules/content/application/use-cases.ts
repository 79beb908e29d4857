import { countView } from './commands/count-view.ts';
import { createArticle } from './commands/create-article.ts';
import { publishArticle } from './commands/publish-article.ts';
import { removeArticle } from './commands/remove-article.ts';
import { replaceMinitest } from './commands/replace-minitest.ts';
import { unpublishArticle } from './commands/unpublish-article.ts';
import { updateArticle } from './commands/update-article.ts';
import type { ContentUseCases } from './contract.ts';
import type { ContentDeps } from './ports.ts';
import { feed } from './queries/feed.ts';
import { getForStaff } from './queries/get-for-staff.ts';
import { listForStaff } from './queries/list-for-staff.ts';
import { listPublished } from './queries/list-published.ts';
import { minitest } from './queries/minitest.ts';
import { preview } from './queries/preview.ts';
import { readArticle } from './queries/read-article.ts';
import { sitemap } from './queries/sitemap.ts';
import { tags } from './queries/tags.ts';

export function createContentUseCases(deps: ContentDeps): ContentUseCases {
  return {
    listPublished: listPublished(deps),
    readArticle: readArticle(deps),
    countView: countView(deps),
    tags: tags(deps),
    feed: feed(deps),
    sitemap: sitemap(deps),
    listForStaff: listForStaff(deps),
    getForStaff: getForStaff(deps),
    create: createArticle(deps),
    update: updateArticle(deps),
    publish: publishArticle(deps),
    unpublish: unpublishArticle(deps),
    remove: removeArticle(deps),
    preview: preview(deps),
    minitest: minitest(deps),
    replaceMinitest: replaceMinitest(deps),
  };
}
