import { describe, expect, it } from 'vitest';
import { renderArticleMarkdown } from '../../src/modules/content/infrastructure/markdown-renderer.ts';

const render = (source: string) => renderArticleMarkdown(source).html;

/** Whatever the payload, the HTML's real tags have no script, no event handler, no dangerous URL and no style. */
function expectSafe(html: string) {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const raw of tags) {
    // Attribute values are quoted with their quotes escaped: only names and URLs matter.
    const tag = raw.replace(/"(?!\s*(?:javascript|vbscript|data|\/\/))[^"]*"/gi, '""');
    expect(tag).toMatch(
      /^<(?:p|br|hr|h[1-6]|strong|em|s|del|code|pre|blockquote|ul|ol|li|a|img|table|thead|tbody|tr|th|td)[\s>/]/,
    );
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/(?:href|src)\s*=\s*"?\s*(?:javascript|vbscript|data|\/\/)/i);
  }
  expect(html).not.toMatch(/<script/i);
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](  javascript:alert(1) )',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '```html\n<script>alert(1)</script>\n```',
  '`<img src=x onerror=alert(1)>`',
  '![a" onerror="alert(1)](/x.png "t\\" onload=\\"alert(1)")',
  '![alt](/x.png "title" onerror="alert(1)")',
  '[x](https://example.com "a\\" onmouseover=\\"alert(1)")',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.test"></iframe>',
  '<style>body{display:none}</style>',
  '# Title <img src=x onerror=alert(1)>',
  '```"><script>alert(1)</script>\ncode\n```',
  '<div style="position:fixed">x</div>',
  '[x](//evil.test/path)',
  '![x](//evil.test/a.png)',
];

describe('article Markdown', () => {
  it.each(PAYLOADS)('renders %j safely', (payload) => {
    expectSafe(render(payload));
  });

  it('shows raw HTML as text', () => {
    expect(render('<script>alert(1)</script>')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops dangerous links and data: or protocol-relative images, keeping http(s) and site-relative ones', () => {
    expect(render('[x](javascript:alert(1))')).not.toContain('href');
    expect(render('![x](data:image/png;base64,iVBORw0KGgo=)')).not.toContain('<img');
    expect(render('![x](//evil.test/a.png)')).not.toContain('<img');
    expect(render('![Cat](/api/v1/files/0190a0b0-0000-7000-8000-000000000000)')).toContain(
      '<img src="/api/v1/files/0190a0b0-0000-7000-8000-000000000000" alt="Cat" />',
    );
    expect(render('![Cat](https://cdn.example.com/cat.png)')).toContain('src="https://cdn.example.com/cat.png"');
  });

  it('gives external links rel="noopener noreferrer nofollow" and leaves internal ones alone', () => {
    expect(render('[a](https://example.com)')).toContain(
      '<a href="https://example.com" rel="noopener noreferrer nofollow">a</a>',
    );
    expect(render('[b](/blog/other)')).toContain('<a href="/blog/other">b</a>');
    expect(render('see https://example.org now')).toContain(
      '<a href="https://example.org" rel="noopener noreferrer nofollow">https://example.org</a>',
    );
  });

  it('marks fenced code with its language and escapes it', () => {
    expect(render('```ts\nconst a = 1 < 2;\n```')).toContain(
      '<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>',
    );
  });

  it('anchors headings with unique ids and builds the table of contents', () => {
    const { html, toc } = renderArticleMarkdown('# Введение\n\n## Setup `npm`\n\n## Введение\n\n##### Deep');
    expect(html).toContain('<h1 id="vvedenie">Введение</h1>');
    expect(html).toContain('<h2 id="setup-npm">Setup <code>npm</code></h2>');
    expect(html).toContain('<h2 id="vvedenie-2">Введение</h2>');
    expect(html).toContain('<h5 id="deep">Deep</h5>');
    expect(toc).toEqual([
      { level: 1, id: 'vvedenie', text: 'Введение' },
      { level: 2, id: 'setup-npm', text: 'Setup npm' },
      { level: 2, id: 'vvedenie-2', text: 'Введение' },
    ]);
  });

  it('keeps tables, lists and quotes', () => {
    const html = render('| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- x\n\n> q');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('<li>x</li>');
    expect(html).toContain('<blockquote>');
  });
});
