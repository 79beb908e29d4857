import type { LightMyRequestResponse } from 'fastify';
import type { PageBrowser } from '../identity/page-browser.ts';
import { fieldParts, multipartOf } from '../support/multipart.ts';

export type FilePart = { name: string; content: string | Buffer; field?: string; contentType?: string };

/** A multipart/form-data body as a browser sends it: the fields, then the file (if any). */
export function multipartBody(fields: Record<string, string>, file?: FilePart | FilePart[]) {
  const files = (file === undefined ? [] : [file].flat()).map((part) => ({
    name: part.field ?? 'file',
    fileName: part.name,
    content: part.content,
    ...(part.contentType ? { contentType: part.contentType } : {}),
  }));
  return multipartOf([...fieldParts(fields), ...files]);
}

/** The CSRF token of a page's forms. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no form with a CSRF token');
  return token;
}

/** Posts a multipart form with the browser's cookies (and keeps the ones the response sets). */
export async function postMultipart(
  browser: PageBrowser,
  url: string,
  fields: Record<string, string>,
  file?: FilePart | FilePart[],
  options: { truncate?: number } = {},
): Promise<LightMyRequestResponse> {
  const body = multipartBody(fields, file);
  const payload = options.truncate === undefined ? body.payload : body.payload.subarray(0, options.truncate);
  return browser.postBody(url, payload, body.contentType);
}

/** The hidden fields of the form posting to `action` on a page (e.g. "Import these"). */
export function hiddenFieldsOf(html: string, formIndex = 0): Record<string, string> {
  const forms = [...html.matchAll(/<form[^>]*enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms[formIndex]?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    fields[match[1]!] = match[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return fields;
}
