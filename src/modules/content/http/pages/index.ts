import type { FastifyInstance } from 'fastify';
import { adminPages } from './admin-pages.tsx';
import { blogPages } from './blog-pages.tsx';
import type { ContentPagesDeps } from './deps.ts';
import { feedPages } from './feeds.ts';
import { imagePages } from './image-pages.tsx';
import { minitestPages } from './minitest-pages.tsx';

export type { ContentPagesDeps };

/** The public blog (list, search, article, feeds, sitemap) and the admin article pages. */
export async function contentPages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  // Before /blog/:slug: the feeds' own paths win anyway (static segments), but keep them together.
  await feedPages(app, deps);
  await blogPages(app, deps);
  await adminPages(app, deps);
  await minitestPages(app, deps);
  await imagePages(app, deps);
}
