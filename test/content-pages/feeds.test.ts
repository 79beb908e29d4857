import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { absoluteLinks, atomFeed, robotsTxt, rssFeed, sitemap } from '../../src/modules/content/http/pages/feeds.ts';
import { el, escapeXml, renderXml } from '../../src/modules/content/http/pages/xml.ts';
import type { FeedEntry } from '../../src/modules/content/application/contract.ts';
import { translator } from '../../src/shared/http/i18n/index.ts';

const BASE = 'https://baza.example';
const NASTY = 'Tom & Jerry <script>alert("x")</script> ]]> \'quoted\' \u0001\u0008\uFFFE';

/** The XML entities undone (what any XML parser gives for the text). */
function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function wellFormed(xml: string) {
  const result = XMLValidator.validate(xml);
  expect(result, JSON.stringify(result)).toBe(true);
}

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  slug: 'joins-explained',
  title: NASTY,
  summary: 'Summary & more',
  html: '<p>See <a href="/tracks/sql">the track</a> and <img src="/api/v1/files/abc" alt="x"> ]]> end</p>',
  tags: ['sql', 'a&b'],
  authorName: 'Ann <admin>',
  publishedAt: new Date('2026-03-01T10:00:00Z'),
  updatedAt: new Date('2026-03-02T11:00:00Z'),
  ...overrides,
});

describe('the XML writer', () => {
  it('escapes the five special characters and drops what XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(escapeXml(']]>')).toBe(']]&gt;');
    expect(escapeXml('ok\u0000\u0001\u001f\uFFFF\uD800 tab\tline\n')).toBe('ok tab\tline\n');
    expect(escapeXml('emoji 😀 and кириллица')).toBe('emoji 😀 and кириллица');
  });

  it('writes elements with escaped attributes, skipping undefined ones and empty children', () => {
    const xml = renderXml(
      el('root', { a: 'x"<y', b: undefined }, el('child', {}, '1 < 2 & ]]>'), null, false, [el('e')]),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<root a="x&quot;&lt;y"><child>1 &lt; 2 &amp; ]]&gt;</child><e/></root>\n',
    );
    wellFormed(xml);
  });

  it('refuses names that are not XML names', () => {
    expect(() => renderXml(el('bad name'))).toThrow(/not an XML name/);
    expect(() => renderXml(el('ok', { 'x="1" y': 'v' }))).toThrow(/not an XML name/);
  });
});

describe('the feeds and the sitemap', () => {
  const t = translator('en');

  it('RSS 2.0: well-formed, escaped, absolute links, RFC 822 dates', () => {
    const xml = rssFeed({ baseUrl: BASE, t, locale: 'en', entries: [entry()] });
    wellFormed(xml);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain(`<atom:link href="${BASE}/blog/feed.xml?locale=en" rel="self" type="application/rss+xml"/>`);
    expect(xml).toContain(`<link>${BASE}/blog/joins-explained</link>`);
    expect(xml).toContain(`<guid isPermaLink="true">${BASE}/blog/joins-explained</guid>`);
    expect(xml).toContain('<pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate>');
    expect(xml).toContain('<category>a&amp;b</category>');
    expect(xml).toContain('<dc:creator>Ann &lt;admin&gt;</dc:creator>');
    // The title: every special character escaped, the control characters gone, nothing raw.
    const title = /<item><title>([^<]*)<\/title>/.exec(xml)?.[1] ?? '';
    expect(unescape(title)).toBe('Tom & Jerry <script>alert("x")</script> ]]> \'quoted\' ');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[^\]]\]\]>/);
    // The article's HTML travels escaped, its links made absolute.
    const description = /<description>([^<]*)<\/description>\s*<\/item>/.exec(xml)?.[1] ?? '';
    expect(unescape(description)).toBe(
      `<p>See <a href="${BASE}/tracks/sql">the track</a> and <img src="${BASE}/api/v1/files/abc" alt="x"> ]]> end</p>`,
    );
  });

  it('Atom 1.0: well-formed, ids and links absolute, ISO dates, html content escaped', () => {
    const xml = atomFeed({
      baseUrl: BASE,
      t,
      locale: undefined,
      entries: [entry(), entry({ slug: 'b', authorName: null })],
    });
    wellFormed(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}/blog/atom.xml"/>`);
    expect(xml).toContain(`<id>${BASE}/blog/joins-explained</id>`);
    expect(xml).toContain('<published>2026-03-01T10:00:00.000Z</published>');
    expect(xml).toContain('<updated>2026-03-02T11:00:00.000Z</updated>');
    expect(xml).toContain('<category term="a&amp;b"/>');
    expect(xml).toContain('<content type="html">&lt;p&gt;See');
    // The feed has an author, so an entry without one is still valid Atom.
    expect(xml).toContain('<author><name>Baza</name></author>');
    expect(xml).not.toContain('<script>');
  });

  it('an empty feed is still well-formed', () => {
    wellFormed(rssFeed({ baseUrl: BASE, t, locale: undefined, entries: [] }));
    wellFormed(atomFeed({ baseUrl: BASE, t, locale: 'ru', entries: [] }));
  });

  it('the sitemap lists the site pages and each article with its last change', () => {
    const xml = sitemap(BASE, [{ slug: 'a&b', updatedAt: new Date('2026-01-01T00:00:00Z') }]);
    wellFormed(xml);
    for (const path of ['/', '/tracks', '/blog', '/matrix', '/contact']) {
      expect(xml).toContain(`<loc>${BASE}${path}</loc>`);
    }
    expect(xml).toContain(`<url><loc>${BASE}/blog/a%26b</loc><lastmod>2026-01-01T00:00:00.000Z</lastmod></url>`);
  });

  it('robots.txt points to the sitemap', () => {
    expect(robotsTxt(BASE)).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it('makes only root-relative links absolute', () => {
    expect(absoluteLinks('<a href="/x">1</a><a href="//evil.example/">2</a><a href="https://a.b/">3</a>', BASE)).toBe(
      `<a href="${BASE}/x">1</a><a href="//evil.example/">2</a><a href="https://a.b/">3</a>`,
    );
  });
});
