import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageBrowser } from '../identity/page-browser.ts';
import { csrfOf, postMultipart } from '../questions-pages/multipart.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type LoggedIn, registeredUser } from '../support/identity.ts';
import { multipartOf } from '../support/multipart.ts';
import { download, fileRows, png, storedFiles, SVG_WITH_SCRIPT } from './support.ts';

const MIB = 1024 * 1024;

function putAvatar(test: TestApp, user: LoggedIn, content: string | Buffer, fileName = 'me.png') {
  const body = multipartOf([{ name: 'file', fileName, content, contentType: 'image/png' }]);
  return test.app.inject({
    method: 'PUT',
    url: '/api/v1/me/avatar',
    headers: { ...user.auth, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function me(test: TestApp, user: LoggedIn) {
  const response = await test.app.inject({ url: '/api/v1/me', headers: user.auth });
  expect(response.statusCode).toBe(200);
  return response.json<{ avatarUrl: string | null; displayName: string }>();
}

describe('avatars', () => {
  let test: TestApp;
  let user: LoggedIn;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    user = await registeredUser(test, 'avatar@school.test');
  });
  afterAll(() => test.close());

  it('are set, replaced and removed through /me/avatar; /me shows the current one', async () => {
    expect((await me(test, user)).avatarUrl).toBeNull();

    const first = await putAvatar(test, user, png(800, 1));
    expect(first.statusCode, first.body).toBe(200);
    const firstUrl = first.json().avatarUrl;
    expect(firstUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    expect((await me(test, user)).avatarUrl).toBe(firstUrl);
    expect((await download(test.app, undefined, firstUrl)).statusCode).toBe(200);

    const second = await putAvatar(test, user, png(900, 2));
    expect(second.statusCode).toBe(200);
    const secondUrl = second.json().avatarUrl;
    expect(secondUrl).not.toBe(firstUrl);
    expect((await me(test, user)).avatarUrl).toBe(secondUrl);
    // The replaced avatar is gone: row and bytes.
    expect((await download(test.app, undefined, firstUrl)).statusCode).toBe(404);
    const rows = (await fileRows(test)).filter((row) => row.ownerId === user.userId);
    expect(rows.map((row) => row.id)).toEqual([secondUrl.split('/').at(-1)]);
    expect(storedFiles(test)).toEqual([rows[0]!.storageKey]);

    const removed = await test.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar', headers: user.auth });
    expect(removed.statusCode).toBe(204);
    expect((await me(test, user)).avatarUrl).toBeNull();
    expect((await download(test.app, undefined, secondUrl)).statusCode).toBe(404);
    expect(storedFiles(test)).toEqual([]);
    // Removing again is fine.
    expect((await test.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar', headers: user.auth })).statusCode).toBe(
      204,
    );
  });

  it('refuse SVG, HTML, oversized and empty files and keep the current avatar', async () => {
    const set = await putAvatar(test, user, png(500, 3));
    const url = set.json().avatarUrl;
    const svg = await putAvatar(test, user, SVG_WITH_SCRIPT, 'avatar.png');
    expect(svg.statusCode).toBe(415);
    expect((await putAvatar(test, user, png(2 * MIB + 1))).statusCode).toBe(413);
    expect((await putAvatar(test, user, '')).statusCode).toBe(422);
    expect((await me(test, user)).avatarUrl).toBe(url);
    expect(storedFiles(test)).toHaveLength(1);
  });

  it('need a signed-in user', async () => {
    const body = multipartOf([{ name: 'file', fileName: 'a.png', content: png(100) }]);
    const put = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(put.statusCode).toBe(401);
    expect((await test.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar' })).statusCode).toBe(401);
  });

  it('are uploaded and removed on the profile page, and shown in the navigation (initials otherwise)', async () => {
    await registeredUser(test, 'pages@school.test');
    const browser = await PageBrowser.signIn(test.app, 'pages@school.test');
    const profile = await browser.get('/profile');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('action="/profile/avatar"');
    expect(profile.body).toContain('enctype="multipart/form-data"');
    expect(profile.body).not.toContain('action="/profile/avatar/delete"');
    // No avatar: the navigation shows initials.
    expect(profile.body).toMatch(/<svg[^>]*aria-hidden="true"[^>]*>.*?<text[^>]*>TU<\/text>/);

    // Without the CSRF token nothing happens.
    const forged = await postMultipart(
      browser,
      '/profile/avatar',
      {},
      { name: 'a.png', content: png(300), field: 'avatar' },
    );
    expect(forged.statusCode).toBe(403);

    const uploaded = await postMultipart(
      browser,
      '/profile/avatar',
      { _csrf: csrfOf(profile.body) },
      { name: 'a.png', content: png(300), field: 'avatar', contentType: 'image/png' },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const after = await browser.follow(uploaded);
    const avatarUrl = /<img src="(\/api\/v1\/files\/[0-9a-f-]{36})" alt="[^"]+" width="28"/.exec(after.body)?.[1];
    expect(avatarUrl, 'the navigation shows the avatar').toBeDefined();
    expect(after.body).toContain(`<img src="${avatarUrl}" alt="`);
    expect(after.body).toContain('action="/profile/avatar/delete"');

    // An SVG is refused with a message on the profile page.
    const svg = await postMultipart(
      browser,
      '/profile/avatar',
      { _csrf: csrfOf(after.body) },
      { name: 'a.png', content: SVG_WITH_SCRIPT, field: 'avatar', contentType: 'image/png' },
    );
    expect(svg.statusCode).toBe(303);
    const refused = await browser.follow(svg);
    expect(refused.body).toContain(avatarUrl!);
    expect(refused.body).toMatch(/не изображение PNG, JPEG или WebP|not a PNG, JPEG or WebP image/);

    const big = await postMultipart(
      browser,
      '/profile/avatar',
      { _csrf: csrfOf(refused.body) },
      { name: 'a.png', content: png(2 * MIB + 100), field: 'avatar', contentType: 'image/png' },
    );
    expect(big.statusCode).toBe(303);
    expect((await browser.follow(big)).body).toMatch(/2 МиБ|2 MiB/);

    const removed = await browser.post('/profile/avatar/delete');
    expect(removed.statusCode).toBe(303);
    const gone = await browser.follow(removed);
    expect(gone.body).not.toContain(avatarUrl!);
    expect(gone.body).toMatch(/<text[^>]*>TU<\/text>/);
  });
});
