import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { PageBrowser } from '../identity/page-browser.ts';

const COOKIES = ['access', 'refresh', 'csrf', 'flash', 'locale'].map((name) => `baza-${name}`);

export type FilePart = { name: string; content: string | Buffer; field?: string; contentType?: string };

/** A multipart/form-data body as a browser sends it: the fields, then the file (if any). */
export function multipartBody(fields: Record<string, string>, file?: FilePart | FilePart[]) {
  const boundary = `----BazaTestBoundary${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const part of file === undefined ? [] : [file].flat()) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.name}"\r\n` +
      `Content-Type: ${part.contentType ?? 'text/plain'}\r\n\r\n`;
    chunks.push(Buffer.from(head), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
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
  const { contentType } = body;
  const payload = options.truncate === undefined ? body.payload : body.payload.subarray(0, options.truncate);
  const cookie = COOKIES.flatMap((name) => {
    const value = browser.cookie(name);
    return value ? [`${name}=${value}`] : [];
  }).join('; ');
  const response = await browser.app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'accept-language': 'en',
      'user-agent': browser.userAgent,
      'content-type': contentType,
      ...(cookie ? { cookie } : {}),
    },
    payload,
  });
  browser.keep(response);
  return response;
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
