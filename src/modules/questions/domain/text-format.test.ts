import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToPlain, plainToMarkdown, toMarkdown } from './text-format.ts';

describe('toMarkdown', () => {
  it('keeps Markdown and Moodle auto-format as written', () => {
    expect(toMarkdown(' **bold** _x_ ', 'markdown')).toBe('**bold** _x_');
    expect(toMarkdown('2*3 <b>', 'moodle')).toBe('2*3 <b>');
  });

  it('escapes plain text so it shows literally, keeping its line breaks', () => {
    expect(plainToMarkdown('2*3 = 6, a_b [link] <tag> #1 `code` | ~ \\')).toBe(
      '2\\*3 = 6, a\\_b \\[link\\] \\<tag\\> \\#1 \\`code\\` \\| \\~ \\\\',
    );
    expect(plainToMarkdown('- not a list\n1. not a list either\n+ nor this')).toBe(
      '\\- not a list\\\n1\\. not a list either\\\n\\+ nor this',
    );
    expect(plainToMarkdown('first\n\n\nsecond')).toBe('first\n\nsecond');
  });

  it('turns common HTML into Markdown and never keeps a tag', () => {
    expect(htmlToMarkdown('<p>Count <b>beats</b> &amp; <em>bars</em></p><p>Use <code>x</code><br/>then</p>')).toBe(
      'Count **beats** & *bars*\n\nUse `x`\\\nthen',
    );
    expect(htmlToMarkdown('<script>alert(1)</script><span style="x">a &lt;b&gt; *c*</span><!-- note -->')).toBe(
      'alert(1)a \\<b\\> \\*c\\*',
    );
    expect(htmlToMarkdown('<STRONG>Loud</STRONG> &#8212; &#x41; &nbsp;&bogus;')).toBe('**Loud** — A &bogus;');
  });

  it('reads HTML options as plain text', () => {
    expect(htmlToPlain(' <i>Four</i> &amp; <b>five</b> ')).toBe('Four & five');
  });
});
