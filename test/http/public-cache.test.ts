import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLruCache } from '../../src/shared/http/public-cache.ts';
import { ok } from '../content/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

type Article = { id: string; slug: string; viewCount: number };

const guestGet = (test: TestApp, url: string, headers: Record<string, string> = {}) =>
  test.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...headers } });

function staffCall(test: TestApp, who: LoggedIn) {
  return (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, ...(payload ? { payload } : {}) });
}

/** The cookies a first visit sets (the CSRF cookie): a returning guest's page has no Set-Cookie. */
async function returningGuest(test: TestApp): Promise<string> {
  const first = await guestGet(test, '/blog');
  const setCookie = first.headers['set-cookie'];
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((cookie) => cookie.split(';')[0]).join('; ');
}

async function publishedArticle(test: TestApp, who: LoggedIn, title: string): Promise<Article> {
  const call = staffCall(test, who);
  const created = ok<Article>(await call('POST', '/admin/articles', { title, body: 'Body.', locale: 'en' }), 201);
  return ok<Article>(await call('POST', `/admin/articles/${created.id}/publish`));
}

describe('public response cache', () => {
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffUsers(t);
  });
  afterAll(() => t.close());

  it('answers 304 to a matching If-None-Match with a strong ETag and revalidating public Cache-Control', async () => {
    await publishedArticle(t, staff.moderator, 'Etag article');
    const first = await guestGet(t, '/api/v1/articles');
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(String(first.headers.vary)).toContain('Accept-Language');
    const again = await guestGet(t, '/api/v1/articles', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await guestGet(t, '/api/v1/articles', { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('changes the ETag after an edit, an unpublish and a delete, and never serves the unpublished article', async () => {
    const article = await publishedArticle(t, staff.moderator, 'Lifecycle article');
    const call = staffCall(t, staff.moderator);
    const listEtag = async () => String((await guestGet(t, '/api/v1/articles')).headers.etag);
    const before = await listEtag();
    expect((await guestGet(t, `/api/v1/articles/${article.slug}`)).statusCode).toBe(200);

    ok(await call('PATCH', `/admin/articles/${article.id}`, { title: 'Lifecycle article, edited' }));
    const afterEdit = await listEtag();
    expect(afterEdit).not.toBe(before);
    expect((await guestGet(t, '/api/v1/articles')).json().items[0].title).toBe('Lifecycle article, edited');

    ok(await call('POST', `/admin/articles/${article.id}/unpublish`));
    expect(await listEtag()).not.toBe(afterEdit);
    expect((await guestGet(t, `/api/v1/articles/${article.slug}`)).statusCode).toBe(404);
    const titles = (await guestGet(t, '/api/v1/articles')).json().items.map((item: { title: string }) => item.title);
    expect(titles).not.toContain('Lifecycle article, edited');

    const other = await publishedArticle(t, staff.moderator, 'Deleted article');
    expect((await guestGet(t, `/api/v1/articles/${other.slug}`)).statusCode).toBe(200);
    const beforeDelete = await listEtag();
    expect((await call('DELETE', `/admin/articles/${other.id}`)).statusCode).toBeLessThan(300);
    expect(await listEtag()).not.toBe(beforeDelete);
    expect((await guestGet(t, `/api/v1/articles/${other.slug}`)).statusCode).toBe(404);
  });

  it('still counts the views of an article answered from the cache', async () => {
    const article = await publishedArticle(t, staff.moderator, 'Counted article');
    for (let i = 0; i < 3; i += 1) expect((await guestGet(t, `/api/v1/articles/${article.slug}`)).statusCode).toBe(200);
    const row = await t.container.db
      .selectFrom('articles')
      .select('viewCount')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.viewCount)).toBe(3);
  });

  it('changes the matrix ETag after a matrix edit', async () => {
    const etag = async () => String((await guestGet(t, '/api/v1/matrix/sheets')).headers.etag);
    const before = await etag();
    expect(before).toMatch(/^"/);
    const created = await staffCall(t, staff.admin)('POST', '/admin/matrix/sheets', {
      slug: 'cache-sheet',
      title: 'Cache sheet',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await etag()).not.toBe(before);
    expect((await guestGet(t, '/api/v1/matrix/sheets')).body).toContain('Cache sheet');
  });

  it('never gives a signed-in reader a guest answer or a public Cache-Control', async () => {
    await guestGet(t, '/api/v1/articles');
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/v1/articles', headers: staff.student.auth });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers.etag).toBeUndefined();
    const page = await t.app.inject({ method: 'GET', url: '/blog', headers: staff.student.auth });
    expect(String(page.headers['cache-control'])).not.toContain('public');
  });

  it('keeps locale variants apart', async () => {
    const en = await guestGet(t, '/api/v1/articles?limit=50', { 'accept-language': 'en' });
    const ru = await guestGet(t, '/api/v1/articles?limit=50', { 'accept-language': 'ru' });
    const enAgain = await guestGet(t, '/api/v1/articles?limit=50', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(200);
    expect(ru.statusCode).toBe(200);
    expect(enAgain.body).toBe(en.body);
    const cookie = await returningGuest(t);
    const enPage = await guestGet(t, '/blog', { cookie, 'accept-language': 'en' });
    const ruPage = await guestGet(t, '/blog', { cookie, 'accept-language': 'ru' });
    expect(enPage.headers.etag).toBeDefined();
    expect(enPage.headers.etag).not.toBe(ruPage.headers.etag);
    expect(enPage.body).not.toBe(ruPage.body);
  });

  it('gives guest pages an ETag they can revalidate, private to the visitor (it carries their CSRF token)', async () => {
    const cookie = await returningGuest(t);
    const second = await guestGet(t, '/blog', { cookie });
    expect(second.statusCode).toBe(200);
    expect(second.headers['cache-control']).toBe('private, no-cache');
    const etag = String(second.headers.etag);
    expect((await guestGet(t, '/blog', { cookie, 'if-none-match': etag })).statusCode).toBe(304);
  });
});

describe('public page cache', () => {
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffUsers(t);
  });
  afterAll(() => t.close());

  const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const setCookies = (response: { headers: Record<string, unknown> }) => {
    const header = response.headers['set-cookie'];
    return (Array.isArray(header) ? header : header ? [header] : []).map(String);
  };

  it('gives every guest their own CSRF token in a cached page, and a form posted with it passes', async () => {
    const first = await guestGet(t, '/blog');
    const second = await guestGet(t, '/blog');
    const [firstToken, secondToken] = [tokenOf(first.body), tokenOf(second.body)];
    expect(firstToken).toBeDefined();
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);
    expect(second.body.replaceAll(String(secondToken), '')).toBe(first.body.replaceAll(String(firstToken), ''));
    const cookie = setCookies(second)
      .map((value) => value.split(';')[0])
      .join('; ');
    expect(cookie).toContain('csrf');
    const switched = await t.app.inject({
      method: 'POST',
      url: '/locale',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `locale=ru&returnTo=%2Fblog&_csrf=${encodeURIComponent(String(secondToken))}`,
    });
    expect(switched.statusCode).toBe(303);
  });

  it('never serves an article page after its article is unpublished', async () => {
    const article = await publishedArticle(t, staff.moderator, 'Page article');
    expect((await guestGet(t, `/blog/${article.slug}`)).statusCode).toBe(200);
    expect((await guestGet(t, `/blog/${article.slug}`)).body).toContain('Page article');
    ok(await staffCall(t, staff.moderator)('POST', `/admin/articles/${article.id}/unpublish`));
    expect((await guestGet(t, `/blog/${article.slug}`)).statusCode).toBe(404);
    const list = await guestGet(t, '/blog');
    expect(list.body).not.toContain('Page article');
  });

  it('gives a signed-in reader their own page with no-store, never the guest copy', async () => {
    const guest = await guestGet(t, '/blog');
    await guestGet(t, '/blog');
    const signedIn = await guestGet(t, '/blog', { cookie: `baza-access=${staff.student.accessToken}` });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.body).not.toBe(guest.body);
  });

  it('keeps the htmx fragment apart from the full page', async () => {
    const page = await guestGet(t, '/blog');
    const fragment = await guestGet(t, '/blog', { 'hx-request': 'true' });
    const pageAgain = await guestGet(t, '/blog');
    expect(fragment.body.length).toBeLessThan(page.body.length);
    expect(pageAgain.body.startsWith('<!doctype html>')).toBe(true);
    expect(fragment.body.startsWith('<!doctype html>')).toBe(false);
  });
});

describe('the LRU behind the public cache', () => {
  it('keeps at most its bound, evicting the least recently read', () => {
    const cache = createLruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });
});

describe.runIf(process.env.REDIS_URL)('public cache shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  const env = { REDIS_URL: process.env.REDIS_URL ?? '' };
  beforeAll(async () => {
    first = await createTestApp({ env });
    second = await createTestApp({ env, connectionString: first.database.url });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('an unpublish through one instance is seen by the other at once', async () => {
    const staff = await staffUsers(first);
    const article = await publishedArticle(first, staff.moderator, 'Shared article');
    expect((await guestGet(second, `/api/v1/articles/${article.slug}`)).statusCode).toBe(200);
    expect((await guestGet(second, `/api/v1/articles/${article.slug}`)).statusCode).toBe(200);
    ok(await staffCall(first, staff.moderator)('POST', `/admin/articles/${article.id}/unpublish`));
    expect((await guestGet(second, `/api/v1/articles/${article.slug}`)).statusCode).toBe(404);
  });
});
