import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import sanitizeHtml from 'sanitize-html';
import type { RenderedMarkdown } from '../application/ports.ts';
import type { TocEntry } from '../application/contract.ts';
import { createAnchorSlugger } from '../domain/slug.ts';

/** Headings from h1 to this level go into the table of contents. */
const TOC_MAX_LEVEL = 4;

type Env = { toc: TocEntry[] };

// Raw HTML in the source is text; markdown-it itself refuses javascript:, vbscript:, file: and
// non-image data: links (after decoding entities). sanitize-html below is the second line.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, langPrefix: 'language-' });

function plainText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();
}

// Headings get unique anchors derived from their text (Cyrillic transliterated) and feed the ToC.
markdown.core.ruler.push('heading_anchors', (state) => {
  const env = state.env as Env;
  const anchor = createAnchorSlugger();
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const text = plainText(state.tokens[index + 1]);
    const id = anchor(text);
    token.attrSet('id', id);
    const level = Number(token.tag.slice(1));
    if (level <= TOC_MAX_LEVEL && text !== '') env.toc.push({ level, id, text });
  });
});

const SITE_RELATIVE_OR_WEB = /^(?:https?:\/\/|\/(?![/\\]))/i;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    code: ['class'],
    ol: ['start'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const { rel: _rel, ...rest } = attribs;
      return {
        tagName,
        attribs:
          EXTERNAL.test(href) && !/^mailto:/i.test(href) ? { ...rest, rel: 'noopener noreferrer nofollow' } : rest,
      };
    },
  },
  // Images only from the web or this site (such as /api/v1/files/<id>).
  exclusiveFilter: (frame) => frame.tag === 'img' && !SITE_RELATIVE_OR_WEB.test(frame.attribs.src ?? ''),
};

/** Markdown → sanitized HTML and its table of contents, exactly as saving an article does. */
export function renderArticleMarkdown(source: string): RenderedMarkdown {
  const env: Env = { toc: [] };
  const html = markdown.render(source, env);
  return { html: sanitizeHtml(html, SANITIZE), toc: env.toc };
}
