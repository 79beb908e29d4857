import type { TextFormat } from './formats/parsed-question.ts';

/**
 * Imported texts → the Markdown the bank stores:
 * - `markdown` and `moodle` (Moodle's auto-format is Markdown-like plain text) stay as written;
 * - `plain` shows literally: Markdown's specials are backslash-escaped and line breaks kept;
 * - `html`: `b`/`strong`, `i`/`em`, `code`, `br` and `p` become Markdown, every other tag is
 *   dropped, entities are decoded and the text between tags is treated as plain: no raw HTML is
 *   ever kept.
 */
export function toMarkdown(text: string, format: TextFormat): string {
  switch (format) {
    case 'markdown':
    case 'moodle':
      return text.trim();
    case 'plain':
      return plainToMarkdown(text);
    case 'html':
      return htmlToMarkdown(text);
  }
}

/** A text as it stands, for options (the bank shows options as plain strings): HTML tags dropped. */
export function toPlainOption(text: string, format: TextFormat): string {
  return format === 'html' ? htmlToPlain(text) : text.trim();
}

const INLINE_SPECIALS = /[\\`*_[\]<>#|~]/g;
const LINE_START_SPECIALS = /^(\s*)([-+=]|\d+[.)])/;

/** Escapes what Markdown would read as markup, and keeps each line break (`\` at the line's end). */
export function plainToMarkdown(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line.trimEnd()))
    .join('\\\n')
    .replace(/\\\n(?:\\\n)+/g, '\n\n');
}

function escapeLine(line: string): string {
  const inline = line.replace(INLINE_SPECIALS, (char) => `\\${char}`);
  return inline.replace(LINE_START_SPECIALS, (_match, space: string, marker: string) => {
    const punctuation = marker.at(-1) ?? '';
    return `${space}${marker.slice(0, -1)}\\${punctuation}`;
  });
}

const MARKS: Readonly<Record<string, string>> = { b: '**', strong: '**', i: '*', em: '*', code: '`' };
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;

export function htmlToMarkdown(html: string): string {
  let markdown = '';
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    markdown += escapeInline(decodeEntities(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (name === undefined) continue;
    if (name in MARKS) markdown += MARKS[name];
    else if (name === 'br') markdown += '\\\n';
    else if (name === 'p' || name === 'div' || name === 'li') markdown += '\n\n';
  }
  markdown += escapeInline(decodeEntities(html.slice(last)));
  return markdown
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(?:\\\n)+\n/g, '\n\n')
    .trim()
    .replace(/\\$/, '')
    .trim();
}

/** Source line breaks in HTML are white space; the tags say where lines break. */
function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(INLINE_SPECIALS, (char) => `\\${char}`);
}

export function htmlToPlain(html: string): string {
  return decodeEntities(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
