import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import type { PageBrowser } from '../identity/page-browser.ts';
import { multipartOf, type Part } from '../support/multipart.ts';

export const RANDOM_UUID = '3f0c9a52-7d4e-4b1a-9c3e-1a2b3c4d5e6f';

/** Asserts an RFC 9457 problem document with `status` (and `code`) that leaks no internals; returns it. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<{
    type: string;
    title: string;
    status: number;
    code: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  }>();
  expect(problem).toMatchObject({
    type: `urn:baza:problem:${problem.code}`,
    title: expect.any(String),
    status,
    requestId: expect.any(String),
  });
  if (code !== undefined) expect(problem.code).toBe(code);
  expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\bstack\b|\bat async\b/);
  return problem;
}

/** An error page (or the form again): HTML, the status, no 500 and no stack. */
export function expectHtml(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\bat async\b/);
  return response.body;
}

/** JSON calls to /api/v1 as `user` (or a guest) in English. */
export function apiOf(test: TestApp) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    user?: LoggedIn,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { 'accept-language': 'en', ...(user?.auth ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
}

/** A raw body (a string sent as is) with a content type. */
export function rawOf(test: TestApp) {
  return (method: 'POST' | 'PATCH', url: string, user: LoggedIn, body: string, type = 'application/json') =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { 'accept-language': 'en', 'content-type': type, ...user.auth },
      payload: body,
    });
}

/** Saves English as the user's language (it wins over Accept-Language). */
export async function speakEnglish(test: TestApp, ...users: LoggedIn[]) {
  for (const user of users) {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.auth,
      payload: { locale: 'en' },
    });
    expect(response.statusCode).toBe(200);
  }
}

export { multipartOf, type Part } from '../support/multipart.ts';

/** POST /api/v1/admin/questions/import with the parts as given. */
export function importParts(test: TestApp, user: LoggedIn | undefined, parts: readonly Part[]) {
  const body = multipartOf(parts);
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/admin/questions/import',
    headers: { 'accept-language': 'en', 'content-type': body.contentType, ...(user?.auth ?? {}) },
    payload: body.payload,
  });
}

/** A page post with a body written by hand (repeated fields, multipart), with the browser's cookies. */
export function postRaw(browser: PageBrowser, url: string, payload: string | Buffer, contentType: string) {
  return browser.postBody(url, payload, contentType);
}

/** The CSRF token of the forms of a page the browser loads. */
export async function csrfFrom(browser: PageBrowser, url = '/admin/tracks'): Promise<string> {
  const page = await browser.get(url);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  expect(token, `a CSRF token on ${url}`).toBeDefined();
  return token!;
}
