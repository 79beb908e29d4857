import type { TextFormat } from './parsed-question.ts';

/**
 * GIFT's lexical rules shared by the parser and the exporter: backslash escapes and the
 * `[format]` prefix. Structure (`::`, `{`, `}`, `~`, `=`, `#`) is searched in a *mask* of the
 * raw text in which every escape sequence is blanked, so `\{` never opens an answer block;
 * the mask has the raw text's length, so an index found in it slices the raw text.
 */

/** Characters a backslash escapes; `\n` stands for a newline. Any other `\x` stays as written. */
const ESCAPABLE = new Set(['\\', '~', '=', '#', '{', '}', ':', 'n']);
const BLANKED = '\u0000\u0000';

export function maskEscapes(raw: string): string {
  let mask = '';
  for (let i = 0; i < raw.length; i += 1) {
    const next = raw[i + 1];
    if (raw[i] === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      mask += BLANKED;
      i += 1;
    } else {
      mask += raw[i];
    }
  }
  return mask;
}

export function unescapeGift(raw: string): string {
  return raw.replace(/\\([\\~=#{}:n])/g, (_escape, char: string) => (char === 'n' ? '\n' : char));
}

const ESCAPED: Readonly<Record<string, string>> = { '\r\n': '\\n', '\r': '\\n', '\n': '\\n' };

/** The inverse of `unescapeGift`; every line break (CRLF, CR or LF) becomes `\n`, so the text takes one line. */
export function escapeGift(text: string): string {
  return text.replace(/\r\n|[\r\n\\~=#{}:]/g, (char) => ESCAPED[char] ?? `\\${char}`);
}

const FORMAT_PREFIX = /^\[(markdown|html|plain|moodle)\]/;

/** Splits a leading `[markdown]`, `[html]`, `[plain]` or `[moodle]` (lower case, as Moodle reads them). */
export function splitFormat(raw: string): { format: TextFormat | undefined; rest: string } {
  const match = FORMAT_PREFIX.exec(raw);
  if (!match) return { format: undefined, rest: raw };
  return { format: match[1] as TextFormat, rest: raw.slice(match[0].length) };
}

export function startsWithFormatPrefix(text: string): boolean {
  return FORMAT_PREFIX.test(text);
}

/** Raw GIFT text of an option, a feedback or the general feedback → plain text (trimmed). */
export function giftTextValue(raw: string): string {
  return unescapeGift(splitFormat(raw.trim()).rest).trim();
}
