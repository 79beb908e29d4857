import type { ComponentChildren } from 'preact';

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence rather than the URL before it. */
const TRAILING = /[.,;:!?)\]'"]+$/;

/** Plain text with its http(s) URLs as links; every piece is escaped by preact like any text. */
export function LinkedText({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let rest = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    parts.push(text.slice(rest, match.index), <a href={url}>{url}</a>);
    rest = match.index + url.length;
  }
  parts.push(text.slice(rest));
  return <>{parts}</>;
}
