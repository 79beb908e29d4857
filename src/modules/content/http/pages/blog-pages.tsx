import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ArticlePage } from '../views/article-page.tsx';
import { type BlogFilter, BlogPage, BlogResultsUpdate } from '../views/blog-page.tsx';
import type { ContentPagesDeps } from './deps.ts';
import { type FormBody, formSchema, pageNumber, readerOf, SLUG_PARAMS, trimmed, wantsFragment } from './support.ts';

const PAGE_SIZE = 10;

/** The public blog: the list with its tag filter and (live) search, and an article's page. */
export async function blogPages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  const { renderer, useCases, config } = deps;

  app.get(
    '/blog',
    { config: { publicCache: true }, schema: { querystring: formSchema('q', 'tag', 'page') } },
    async (request, reply) => {
      const query = request.query as FormBody;
      const reader = readerOf(request);
      const filter: BlogFilter = { q: trimmed(query.q), tag: trimmed(query.tag, 100) };
      const page = pageNumber(query.page);
      const found = await useCases.listPublished({
        reader,
        q: filter.q,
        tag: filter.tag,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      const list = { items: found.items, paging: { page, pageSize: PAGE_SIZE, total: found.total } };
      const ctx = renderer.context(request, reply);
      if (wantsFragment(request)) {
        reply.header('vary', 'Accept-Language, Cookie, HX-Request');
        return renderer.fragment(reply, <BlogResultsUpdate ctx={ctx} filter={filter} list={list} />);
      }
      const tags = await useCases.tags({ reader });
      const view = <BlogPage ctx={ctx} baseUrl={config.baseUrl} filter={filter} list={list} tags={tags} />;
      return renderer.page(reply, view);
    },
  );

  // A guest answered from the public cache still counts a view.
  const countsView = { onHit: (request: FastifyRequest) => useCases.countView(request.params as { slug: string }) };
  app.get(
    '/blog/:slug',
    { config: { publicCache: countsView }, schema: { params: SLUG_PARAMS } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      // A draft, an unknown slug or (for guests) a students' article is the 404 page, and no view is counted.
      const article = await useCases.readArticle({ slug, reader: readerOf(request) });
      await useCases.countView({ slug: article.slug });
      const counted = { ...article, viewCount: article.viewCount + 1 };
      return renderer.page(
        reply,
        <ArticlePage ctx={renderer.context(request, reply)} baseUrl={config.baseUrl} article={counted} />,
      );
    },
  );
}
