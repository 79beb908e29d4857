import type { FastifyInstance } from 'fastify';
import type { Translate } from '../../../../shared/http/i18n/index.ts';
import type { ArticleLocale, FeedEntry } from '../../application/contract.ts';
import type { ContentPagesDeps } from './deps.ts';
import { formSchema } from './support.ts';
import { el, renderXml } from './xml.ts';

const FEED_SIZE = 30;
const LOCALES: readonly ArticleLocale[] = ['ru', 'en'];
/** The site's own pages in the sitemap, before the articles. */
const SITE_PAGES = ['/', '/tracks', '/blog', '/matrix', '/contact'];

/** A public article's absolute address. */
export function articleUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/blog/${encodeURIComponent(slug)}`;
}

/** Root-relative links and images of rendered HTML made absolute (feed readers have no base). */
export function absoluteLinks(html: string, baseUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${baseUrl}/`);
}

type FeedInput = { baseUrl: string; t: Translate; locale: ArticleLocale | undefined; entries: readonly FeedEntry[] };

/** RSS 2.0, newest first; the article's HTML escaped as the item's description. */
export function rssFeed({ baseUrl, t, locale, entries }: FeedInput): string {
  const self = `${baseUrl}/blog/feed.xml${locale ? `?locale=${locale}` : ''}`;
  const newest = entries[0]?.publishedAt;
  return renderXml(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      el(
        'channel',
        {},
        el('title', {}, t('blog.feed.title')),
        el('link', {}, `${baseUrl}/blog`),
        el('description', {}, t('blog.feed.description')),
        locale ? el('language', {}, locale) : null,
        newest ? el('lastBuildDate', {}, newest.toUTCString()) : null,
        el('atom:link', { href: self, rel: 'self', type: 'application/rss+xml' }),
        entries.map((entry) => {
          const url = articleUrl(baseUrl, entry.slug);
          return el(
            'item',
            {},
            el('title', {}, entry.title),
            el('link', {}, url),
            el('guid', { isPermaLink: 'true' }, url),
            el('pubDate', {}, entry.publishedAt.toUTCString()),
            entry.authorName ? el('dc:creator', {}, entry.authorName) : null,
            entry.tags.map((tag) => el('category', {}, tag)),
            el('description', {}, absoluteLinks(entry.html, baseUrl)),
          );
        }),
      ),
    ),
  );
}

/** Atom 1.0, newest first; the summary as text and the article as escaped HTML. */
export function atomFeed({ baseUrl, t, locale, entries }: FeedInput): string {
  const self = `${baseUrl}/blog/atom.xml${locale ? `?locale=${locale}` : ''}`;
  const updated = entries.reduce<Date | undefined>(
    (latest, entry) => (!latest || entry.updatedAt > latest ? entry.updatedAt : latest),
    undefined,
  );
  return renderXml(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': locale },
      el('id', {}, self),
      el('title', {}, t('blog.feed.title')),
      el('subtitle', {}, t('blog.feed.description')),
      el('link', { rel: 'self', type: 'application/atom+xml', href: self }),
      el('link', { rel: 'alternate', type: 'text/html', href: `${baseUrl}/blog` }),
      el('updated', {}, (updated ?? new Date(0)).toISOString()),
      // Atom needs an author for every entry: the site's name stands in for an article without one.
      el('author', {}, el('name', {}, t('app.name'))),
      entries.map((entry) => {
        const url = articleUrl(baseUrl, entry.slug);
        return el(
          'entry',
          {},
          el('id', {}, url),
          el('title', { type: 'text' }, entry.title),
          el('link', { rel: 'alternate', type: 'text/html', href: url }),
          el('published', {}, entry.publishedAt.toISOString()),
          el('updated', {}, entry.updatedAt.toISOString()),
          entry.authorName ? el('author', {}, el('name', {}, entry.authorName)) : null,
          entry.tags.map((tag) => el('category', { term: tag })),
          entry.summary ? el('summary', { type: 'text' }, entry.summary) : null,
          el('content', { type: 'html' }, absoluteLinks(entry.html, baseUrl)),
        );
      }),
    ),
  );
}

/** The site's pages and every public article, with the article's last change. */
export function sitemap(baseUrl: string, articles: readonly Readonly<{ slug: string; updatedAt: Date }>[]): string {
  return renderXml(
    el(
      'urlset',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      SITE_PAGES.map((path) => el('url', {}, el('loc', {}, `${baseUrl}${path === '/' ? '/' : path}`))),
      articles.map((article) =>
        el(
          'url',
          {},
          el('loc', {}, articleUrl(baseUrl, article.slug)),
          el('lastmod', {}, article.updatedAt.toISOString()),
        ),
      ),
    ),
  );
}

export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin/', 'Disallow: /api/', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join(
    '\n',
  );
}

/** The RSS and Atom feeds, the sitemap and robots.txt: public, no cookies needed. */
export async function feedPages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  const { useCases, config } = deps;
  const baseUrl = config.baseUrl;
  const localeOf = (query: unknown) => {
    const value = (query as { locale?: string }).locale;
    return LOCALES.find((locale) => locale === value);
  };

  app.get(
    '/blog/feed.xml',
    { config: { publicCache: true }, schema: { querystring: formSchema('locale') } },
    async (request, reply) => {
      const locale = localeOf(request.query);
      const entries = await useCases.feed({ locale, limit: FEED_SIZE });
      return reply
        .type('application/rss+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'Accept-Language')
        .send(rssFeed({ baseUrl, t: request.t, locale, entries }));
    },
  );

  app.get(
    '/blog/atom.xml',
    { config: { publicCache: true }, schema: { querystring: formSchema('locale') } },
    async (request, reply) => {
      const locale = localeOf(request.query);
      const entries = await useCases.feed({ locale, limit: FEED_SIZE });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'Accept-Language')
        .send(atomFeed({ baseUrl, t: request.t, locale, entries }));
    },
  );

  app.get('/sitemap.xml', { config: { publicCache: true } }, async (_request, reply) => {
    const articles = await useCases.sitemap();
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(sitemap(baseUrl, articles));
  });

  app.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(baseUrl)),
  );
}
