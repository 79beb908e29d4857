import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { unescapeXml, writeArticle } from './support.ts';

const BASE_URL = 'https://baza.example';

describe('the public blog', () => {
  let test: TestApp;
  let moderator: PageBrowser;
  let student: PageBrowser;
  let guest: PageBrowser;
  let indexes: { id: string; slug: string };
  let studentsOnly: { id: string; slug: string };
  let draft: { id: string; slug: string };
  let russian: { id: string; slug: string };
  let nasty: { id: string; slug: string };

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000', BASE_URL } });
    ({ moderator, student } = await staffBrowsers(test));
    guest = new PageBrowser(test.app);
    indexes = await writeArticle(moderator, {
      title: 'Covering indexes',
      slug: 'covering-indexes',
      summary: 'What an index answers alone.',
      body: '## Why\n\nThese lessons explain covering indexes.\n\n## How\n\nAdd the columns with `INCLUDE`.',
      tags: 'sql, indexes',
    });
    studentsOnly = await writeArticle(moderator, {
      title: 'Exam tips for students',
      slug: 'exam-tips',
      body: 'Only for signed-in lessons readers.',
      tags: 'sql',
      visibility: 'students',
    });
    draft = await writeArticle(
      moderator,
      { title: 'Unfinished lessons', slug: 'unfinished', body: 'Draft lessons.', tags: 'sql' },
      { publish: false },
    );
    russian = await writeArticle(moderator, {
      title: 'Уроки SQL',
      slug: 'uroki-sql',
      locale: 'ru',
      body: 'Эти уроки объясняют соединения таблиц.',
      tags: 'sql',
    });
    nasty = await writeArticle(moderator, {
      title: 'Tom & Jerry <b>bold</b> ]]> "quoted"',
      slug: 'tom-and-jerry',
      summary: 'Ampersands & <angle> brackets ]]>',
      body: 'Body with <script>alert("feed")</script> & ]]> inside.',
      tags: 'a&b',
    });
  });
  afterAll(async () => test?.close());

  it('lists the published public articles for guests, with tags and their counts, and links its feeds', async () => {
    const page = await guest.get('/blog');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Covering indexes');
    expect(text).toContain('What an index answers alone.');
    expect(text).toContain('Уроки SQL');
    expect(text).not.toContain('Exam tips for students');
    expect(text).not.toContain('Unfinished lessons');
    expect(page.body).toContain('href="/blog/covering-indexes"');
    expect(page.body).toContain('href="/blog?tag=indexes"');
    // Guests count public articles only: sql is on covering-indexes and uroki-sql.
    expect(page.body).toMatch(/#sql\s*<span class="badge[^"]*" aria-hidden="true">2<\/span>/);
    expect(page.body).toContain(
      '<link rel="alternate" type="application/rss+xml" title="RSS feed" href="/blog/feed.xml"/>',
    );
    expect(page.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Atom feed" href="/blog/atom.xml"/>',
    );
    expect(page.body).toContain(`<link rel="canonical" href="${BASE_URL}/blog"/>`);
    // The search box: a plain GET form that htmx makes live.
    expect(page.body).toMatch(/<form method="get" action="\/blog" role="search"[^>]*hx-get="\/blog"/);
    expect(page.body).toContain('hx-target="#blog-results"');
    expectWellLinked(page.body);

    const signedIn = await student.get('/blog');
    expect(textOf(signedIn.body)).toContain('Exam tips for students');
    expect(signedIn.body).toMatch(/#sql\s*<span class="badge[^"]*" aria-hidden="true">3<\/span>/);
  });

  it('shows an article with its canonical and Open Graph tags, and counts every view', async () => {
    const first = await guest.get('/blog/covering-indexes');
    expect(first.statusCode).toBe(200);
    const html = first.body;
    const url = `${BASE_URL}/blog/covering-indexes`;
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta property="og:title" content="Covering indexes"/>');
    expect(html).toContain('<meta property="og:description" content="What an index answers alone."/>');
    expect(html).toContain(`<meta property="og:url" content="${url}"/>`);
    expect(html).toMatch(/<meta property="article:published_time" content="\d{4}-\d\d-\d\dT[\d:.]+Z"\/>/);
    expect(html).toContain('<meta property="article:tag" content="sql"/>');
    expect(html).toContain('<meta property="article:tag" content="indexes"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    expect(html).toContain('href="/blog/feed.xml"');
    // The table of contents links to the headings of the rendered body.
    expect(html).toMatch(/<nav[^>]*aria-labelledby="toc-title"/);
    expect(textOf(html)).toContain('These lessons explain covering indexes.');
    expect(html).toContain('href="/blog?tag=sql"');
    expectWellLinked(html);
    const views = (body: string) => Number(/views: (\d+)/.exec(textOf(body))?.[1]);
    const before = views(html);
    expect(before).toBeGreaterThanOrEqual(1);
    const second = await guest.get('/blog/covering-indexes');
    // A guest may get the public cache's copy (its count as of when it was cached): the view
    // still counts, as the next uncached render shows.
    expect(views(second.body)).toBeGreaterThanOrEqual(before);
    await test.container.publicCache.generation.bump();
    expect(views((await guest.get('/blog/covering-indexes')).body)).toBe(before + 2);
    // Nothing about the reader is kept: the anonymous view sets no cookie but the CSRF one.
    const cookies = [second.headers['set-cookie'] ?? []].flat().map((cookie) => cookie.split('=')[0]);
    expect(cookies.filter((name) => name !== 'baza-csrf')).toEqual([]);
  });

  it('answers 404 for drafts, unknown slugs and, for guests, students-only articles', async () => {
    for (const path of [`/blog/${draft.slug}`, '/blog/no-such-article', `/blog/${studentsOnly.slug}`]) {
      const response = await guest.get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
    expect((await student.get(`/blog/${draft.slug}`)).statusCode).toBe(404);
    const allowed = await student.get(`/blog/${studentsOnly.slug}`);
    expect(allowed.statusCode).toBe(200);
    expect(textOf(allowed.body)).toContain('Exam tips for students');
    // A students' article is not counted for a guest who tried it.
    expect(textOf(allowed.body)).toContain('views: 1');
  });

  it('searches by other word forms in English and Russian, with highlighted snippets', async () => {
    const english = await guest.get('/blog?q=lesson');
    expect(english.statusCode).toBe(200);
    expect(textOf(english.body)).toContain('Covering indexes');
    expect(textOf(english.body)).not.toContain('Unfinished lessons');
    expect(english.body).toMatch(/<mark>lessons<\/mark>/i);
    expect(english.body).toContain('value="lesson"');

    const russianSearch = await guest.get(`/blog?q=${encodeURIComponent('урок')}`);
    expect(textOf(russianSearch.body)).toContain('Уроки SQL');
    expect(russianSearch.body).toMatch(/<mark>[Уу]роки<\/mark>/);

    const nothing = await guest.get('/blog?q=xylophone');
    expect(nothing.statusCode).toBe(200);
    expect(textOf(nothing.body)).toContain('Nothing found.');
  });

  it('answers htmx with the results fragment alone (and the whole page to a history restore)', async () => {
    const fragment = await test.app.inject({
      url: '/blog?q=lessons',
      headers: { 'hx-request': 'true', 'hx-target': 'blog-results', 'accept-language': 'en' },
    });
    expect(fragment.statusCode).toBe(200);
    expect(fragment.headers['content-type']).toMatch(/^text\/html/);
    expect(fragment.headers.vary).toContain('HX-Request');
    expect(fragment.body.startsWith('<section id="blog-results"')).toBe(true);
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('<mark>');
    expect(textOf(fragment.body)).toContain('Covering indexes');

    const restore = await test.app.inject({
      url: '/blog?q=lessons',
      headers: { 'hx-request': 'true', 'hx-history-restore-request': 'true' },
    });
    expect(restore.body).toContain('<html');
  });

  it('filters by tag, escaping what it echoes', async () => {
    const page = await guest.get('/blog?tag=indexes');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Covering indexes');
    expect(text).not.toContain('Уроки SQL');
    expect(page.body).toContain('aria-current="page"');
    const odd = await guest.get(`/blog?tag=${encodeURIComponent('<script>x</script>')}`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<script>x</script>');
    expect(textOf(odd.body)).toContain('Nothing found.');
  });

  it('serves well-formed RSS and Atom feeds of the public articles, escaped', async () => {
    const rss = await guest.get('/blog/feed.xml');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(rss.body)).toBe(true);
    expect(rss.body).toContain(`<link>${BASE_URL}/blog/covering-indexes</link>`);
    expect(rss.body).not.toContain('exam-tips');
    expect(rss.body).not.toContain('unfinished');
    const title = /<item><title>(Tom[^<]*)<\/title>/.exec(rss.body)?.[1] ?? '';
    expect(title).toBe('Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; ]]&gt; &quot;quoted&quot;');
    expect(unescapeXml(title)).toBe('Tom & Jerry <b>bold</b> ]]> "quoted"');
    expect(rss.body).not.toContain('<script>');
    expect(rss.body).toContain('<category>a&amp;b</category>');

    const atom = await guest.get('/blog/atom.xml');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(atom.body)).toBe(true);
    expect(atom.body).toContain(`<id>${BASE_URL}/blog/covering-indexes</id>`);
    expect(atom.body).not.toContain('exam-tips');
    expect(atom.body).not.toContain('<script>');
    expect(atom.body).toContain('<summary type="text">Ampersands &amp; &lt;angle&gt; brackets ]]&gt;</summary>');

    const english = await guest.get('/blog/feed.xml?locale=en');
    expect(XMLValidator.validate(english.body)).toBe(true);
    expect(english.body).not.toContain('uroki-sql');
    expect(english.body).toContain('covering-indexes');
  });

  it('lists the site pages and the public articles in sitemap.xml, and robots.txt points to it', async () => {
    const sitemap = await guest.get('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    for (const path of ['/', '/tracks', '/blog', '/matrix', '/contact']) {
      expect(sitemap.body).toContain(`<loc>${BASE_URL}${path}</loc>`);
    }
    for (const article of [indexes, russian, nasty]) {
      expect(sitemap.body).toMatch(
        new RegExp(`<url><loc>${BASE_URL}/blog/${article.slug}</loc><lastmod>\\d{4}-[\\d-]+T[\\d:.]+Z</lastmod></url>`),
      );
    }
    expect(sitemap.body).not.toContain(studentsOnly.slug);
    expect(sitemap.body).not.toContain(draft.slug);

    const robots = await guest.get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.body).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
  });

  it('hides an unpublished article again', async () => {
    const unpublished = await moderator.post(`/admin/articles/${nasty.id}/unpublish`);
    expect(unpublished.statusCode).toBe(303);
    expect((await guest.get(`/blog/${nasty.slug}`)).statusCode).toBe(404);
    expect((await guest.get('/sitemap.xml')).body).not.toContain(nasty.slug);
  });
});
