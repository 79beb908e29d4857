import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders CommonMark', () => {
    expect(renderMarkdown('# Title\n\n**bold** and `code`')).toBe(
      '<h1>Title</h1>\n<p><strong>bold</strong> and <code>code</code></p>\n',
    );
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))', '[x](JaVaScRiPt:alert(1))'],
    ['![x](data:text/html;base64,PHNjcmlwdD4=)', '![x](data:text/html;base64,PHNjcmlwdD4=)'],
  ])('never lets markup or script through: %s', (source, shown) => {
    const html = renderMarkdown(source);
    expect(html).toContain(shown);
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
  });

  it('marks external links nofollow and noopener', () => {
    expect(renderMarkdown('[site](https://example.org)')).toContain(
      '<a href="https://example.org" rel="nofollow noopener noreferrer">site</a>',
    );
  });

  it('renders inline Markdown without a paragraph', () => {
    expect(renderInlineMarkdown('a *b*')).toBe('a <em>b</em>');
  });
});
