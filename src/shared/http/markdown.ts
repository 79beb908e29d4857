import MarkdownIt from 'markdown-it';

// CommonMark without raw HTML: markup in the source is shown as text, and markdown-it refuses
// javascript:, vbscript:, file: and non-image data: links. Nothing else is needed to make the
// output safe to insert into a page.
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(token.attrGet('href') ?? '')) token.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders user-written Markdown (track and module descriptions, questions) to safe HTML. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Renders one paragraph's worth of Markdown without the wrapping <p> (option labels, titles). */
export function renderInlineMarkdown(source: string): string {
  return markdown.renderInline(source);
}
