import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

export const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/**
 * A browser for the pages: signs in through the real JSON login route (which sets the session
 * cookies), keeps its cookies, and posts forms url-encoded with the CSRF token of the last page.
 */
export class PageBrowser {
  readonly #jar = new Map<string, string>();
  #csrf: string | undefined;
  userId = '';
  sessionId = '';
  accessToken = '';

  constructor(
    readonly app: FastifyInstance,
    readonly userAgent = CHROME_ON_LINUX,
  ) {}

  static async signIn(app: FastifyInstance, email: string, options: { password?: string; userAgent?: string } = {}) {
    const browser = new PageBrowser(app, options.userAgent);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'user-agent': browser.userAgent },
      payload: { email, password: options.password ?? STRONG_PASSWORD },
    });
    expect(response.statusCode, response.body).toBe(200);
    browser.keep(response);
    expect(browser.#jar.has('baza-refresh')).toBe(true);
    browser.userId = response.json<{ user: { id: string } }>().user.id;
    browser.accessToken = response.json<{ accessToken: string }>().accessToken;
    const sessions = await app.inject({ url: '/api/v1/me/sessions', headers: browser.auth });
    browser.sessionId = sessions.json<{ items: { id: string; current: boolean }[] }>().items.find((s) => s.current)!.id;
    return browser;
  }

  get auth() {
    return { authorization: `Bearer ${this.accessToken}` };
  }

  cookie(name: string): string | undefined {
    return this.#jar.get(name);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: this.#headers() });
    this.keep(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.#csrf = token;
    return response;
  }

  /** Posts a form with the CSRF token of the last page this browser loaded. */
  async post(url: string, form: Record<string, string> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf !== false && !this.#csrf) await this.get('/');
    const body = new URLSearchParams(options.csrf === false ? form : { ...form, _csrf: this.#csrf ?? '' });
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.keep(response);
    return response;
  }

  /** Posts a body written by hand (multipart, repeated fields) with the browser's cookies. */
  async postBody(url: string, payload: string | Buffer, contentType: string) {
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': contentType },
      payload,
    });
    this.keep(response);
    return response;
  }

  /** Follows a 303 like a browser does. */
  async follow(response: LightMyRequestResponse) {
    expect(response.statusCode, response.body).toBe(303);
    return this.get(String(response.headers.location));
  }

  keep(response: LightMyRequestResponse) {
    const header = response.headers['set-cookie'];
    for (const cookie of Array.isArray(header) ? header : header ? [header] : []) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = /max-age=0\b/i.test(cookie) || /expires=Thu, 01 Jan 1970/i.test(cookie);
      if (!value || expired) this.#jar.delete(name);
      else this.#jar.set(name, value);
    }
  }

  #headers() {
    const cookie = [...this.#jar].map(([name, value]) => `${name}=${value}`).join('; ');
    return {
      accept: 'text/html',
      'accept-language': 'en',
      'user-agent': this.userAgent,
      ...(cookie ? { cookie } : {}),
    };
  }
}

/** A verified student whose saved language is English (registration saved the default, Russian). */
export async function englishStudent(test: TestApp, email: string) {
  const session = await registeredUser(test, email);
  const response = await test.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: session.auth,
    payload: { locale: 'en' },
  });
  expect(response.statusCode).toBe(200);
  return session;
}

/** The text of an HTML page without tags, with whitespace collapsed (for readable assertions). */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The rows of the first table body, each as its text. */
export function tableRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => textOf(match[1] ?? '').trim());
}
