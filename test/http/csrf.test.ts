import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BASE_URL: 'http://baza.test' } });
});
afterAll(() => t.close());

/** Loads the home page like a browser and returns its cookies and the form's CSRF token. */
async function openHomePage() {
  const page = await t.app.inject({ url: '/', headers: { accept: 'text/html', host: 'baza.test' } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  expect(token).toBeDefined();
  return { cookie: cookiesFrom(page.headers['set-cookie']), token: token ?? '' };
}

function switchLanguage(form: Record<string, string>, headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/locale',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      host: 'baza.test',
      ...headers,
    },
    payload: new URLSearchParams(form).toString(),
  });
}

describe('CSRF protection of forms', () => {
  it('accepts a form with the token from its page', async () => {
    const { cookie, token } = await openHomePage();
    const response = await switchLanguage(
      { locale: 'en', returnTo: '/', _csrf: token },
      { cookie, origin: 'http://baza.test' },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(String(response.headers['set-cookie'])).toContain('baza-locale=en');
  });

  it('rejects a form without a token', async () => {
    const { cookie } = await openHomePage();
    const response = await switchLanguage({ locale: 'en' }, { cookie, 'accept-language': 'en' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('The form check failed');
    expect(response.headers['set-cookie'] ?? '').not.toContain('baza-locale=en');
  });

  it('rejects a token that belongs to another cookie', async () => {
    const mine = await openHomePage();
    const theirs = await openHomePage();
    const response = await switchLanguage({ locale: 'en', _csrf: theirs.token }, { cookie: mine.cookie });
    expect(response.statusCode).toBe(403);
  });

  it('rejects a valid token sent from another origin', async () => {
    const { cookie, token } = await openHomePage();
    const response = await switchLanguage({ locale: 'en', _csrf: token }, { cookie, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    const crossSite = await switchLanguage({ locale: 'en', _csrf: token }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
  });

  it('accepts the token in the X-CSRF-Token header (htmx)', async () => {
    const { cookie, token } = await openHomePage();
    const response = await switchLanguage({ locale: 'ru' }, { cookie, 'x-csrf-token': token, 'hx-request': 'true' });
    expect(response.statusCode).toBe(303);
  });

  it('never redirects outside the site', async () => {
    const { cookie, token } = await openHomePage();
    for (const returnTo of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/.//evil.example',
      '/./\\evil.example',
      '/%2e%2e//evil.example',
      '/a/..//evil.example',
    ]) {
      const response = await switchLanguage({ locale: 'en', _csrf: token, returnTo }, { cookie });
      expect(response.statusCode, JSON.stringify(returnTo)).toBe(303);
      expect(response.headers.location, JSON.stringify(returnTo)).toBe('/');
    }
  });

  it('keeps a local return path with any characters, percent-encoded', async () => {
    const { cookie, token } = await openHomePage();
    const response = await switchLanguage({ locale: 'en', _csrf: token, returnTo: '/курсы?q=a b' }, { cookie });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/%D0%BA%D1%83%D1%80%D1%81%D1%8B?q=a%20b');
  });
});

describe('cookies', () => {
  it('are HttpOnly and SameSite=Lax, without __Host- outside production', async () => {
    const page = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const csrfCookie = [page.headers['set-cookie']].flat().find((cookie) => cookie?.startsWith('baza-csrf='));
    expect(csrfCookie).toMatch(/HttpOnly/);
    expect(csrfCookie).toMatch(/SameSite=Lax/);
    expect(csrfCookie).toMatch(/Path=\//);
    expect(csrfCookie).not.toMatch(/Secure/);
  });
});
