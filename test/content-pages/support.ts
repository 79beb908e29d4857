import { expect } from 'vitest';
import type { PageBrowser } from '../identity/page-browser.ts';

/** A valid 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export type ArticleFields = Partial<{
  title: string;
  slug: string;
  summary: string;
  body: string;
  locale: 'ru' | 'en';
  tags: string;
  visibility: 'public' | 'students';
  trackId: string;
  moduleId: string;
  stageId: string;
  position: string;
  action: string;
}>;

/** The editor's fields as a browser posts them. */
export function articleForm(fields: ArticleFields): Record<string, string> {
  return {
    title: 'An article',
    slug: '',
    summary: '',
    body: 'Some text.',
    locale: 'en',
    tags: '',
    visibility: 'public',
    trackId: '',
    moduleId: '',
    stageId: '',
    position: '',
    action: 'save',
    ...fields,
  };
}

/** The article id a page redirected to (`/admin/articles/<id>`). */
export function articleIdOf(location: unknown): string {
  const id = /^\/admin\/articles\/([\da-f-]{36})$/.exec(String(location))?.[1];
  expect(id, String(location)).toBeDefined();
  return id!;
}

/** Writes an article through the editor (and publishes it unless told not to); its id and slug. */
export async function writeArticle(
  editor: PageBrowser,
  fields: ArticleFields,
  options: { publish?: boolean } = {},
): Promise<{ id: string; slug: string }> {
  await editor.get('/admin/articles/new');
  const saved = await editor.post('/admin/articles/new', articleForm(fields));
  expect(saved.statusCode, saved.body).toBe(303);
  const id = articleIdOf(saved.headers.location);
  if (options.publish !== false) {
    const published = await editor.post(`/admin/articles/${id}/publish`);
    expect(published.statusCode, published.body).toBe(303);
  }
  const page = await editor.get(`/admin/articles/${id}`);
  const slug = /id="field-slug"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*id="field-slug"/.exec(page.body);
  return { id, slug: slug?.[1] ?? slug?.[2] ?? '' };
}

/** The XML entities undone. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The headers of an htmx request from a signed-in page browser (its session and CSRF cookies). */
export function htmxHeaders(browser: PageBrowser): Record<string, string> {
  const cookie = ['baza-access', 'baza-refresh', 'baza-csrf']
    .flatMap((name) => {
      const value = browser.cookie(name);
      return value ? [`${name}=${value}`] : [];
    })
    .join('; ');
  return {
    cookie,
    'hx-request': 'true',
    accept: 'text/html',
    'accept-language': 'en',
    'user-agent': browser.userAgent,
  };
}
