import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceOf } from '../../src/modules/identity/http/views/account/device-name.ts';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { login, STRONG_PASSWORD } from '../support/identity.ts';
import { englishStudent, FIREFOX_ON_WINDOWS, PageBrowser, tableRows, textOf } from './page-browser.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
});
afterAll(async () => test?.close());

async function signedInStudent(email: string, userAgent?: string) {
  await englishStudent(test, email);
  return PageBrowser.signIn(test.app, email, userAgent ? { userAgent } : {});
}

describe('device names from User-Agent headers', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome',
      'Linux',
    ],
    [FIREFOX_ON_WINDOWS, 'Firefox', 'Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge',
      'Windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
      'iOS',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari',
      'macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 YaBrowser/24.7.1.85 Mobile Safari/537.36',
      'Yandex Browser',
      'Android',
    ],
    ['curl/8.5.0', 'curl', undefined],
    ['lightMyRequest', undefined, undefined],
    [null, undefined, undefined],
  ])('%s → %s on %s', (userAgent, browser, os) => {
    expect(deviceOf(userAgent)).toEqual({ browser, os });
  });
});

describe('account pages for guests', () => {
  it('send a guest to the login page, and back here afterwards', async () => {
    for (const url of ['/profile', '/profile/password', '/profile/sessions', '/profile/mfa']) {
      const response = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
    }
  });
});

describe('/profile', () => {
  it('shows the account and saves the name and the language; the UI then speaks that language', async () => {
    const web = await signedInStudent('ada@school.test');
    const page = await web.get('/profile');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en"');
    const text = textOf(page.body);
    expect(text).toContain('ada@school.test');
    expect(text).toContain('Role Student');
    expect(text).toContain('Status Active');
    expect(page.body).toMatch(/<a[^>]*class="nav-link active"[^>]*href="\/profile"[^>]*aria-current="page"/);
    expect(page.body).toContain('href="/profile/password"');
    expect(page.body).toContain('href="/profile/sessions"');
    expect(page.body).toContain('href="/profile/mfa"');

    const saved = await web.post('/profile', { displayName: '  Ada Lovelace ', locale: 'ru' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/profile');
    const after = await web.follow(saved);
    expect(after.body).toContain('<html lang="ru"');
    expect(after.body).toContain('Профиль сохранён.');
    expect(after.body).toMatch(/<input[^>]*name="displayName"[^>]*value="Ada Lovelace"/);
    expect(after.body).toMatch(/<option value="ru" lang="ru" selected/);

    const me = await test.app.inject({ url: '/api/v1/me', headers: web.auth });
    expect(me.json()).toMatchObject({ displayName: 'Ada Lovelace', locale: 'ru', role: 'student' });
  });

  it('re-renders the form with field errors (422) and saves nothing', async () => {
    const web = await signedInStudent('blank@school.test');
    await web.get('/profile');
    const response = await web.post('/profile', { displayName: '   ', locale: 'de' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Correct the marked fields.');
    expect(response.body).toMatch(/<input[^>]*name="displayName"[^>]*aria-invalid="true"/);
    expect(response.body).toContain('id="field-locale-error"');
    const me = await test.app.inject({ url: '/api/v1/me', headers: web.auth });
    expect(me.json()).toMatchObject({ displayName: 'Test User', locale: 'en' });
  });

  it('refuses a form without the CSRF token', async () => {
    const web = await signedInStudent('csrf@school.test');
    await web.get('/profile');
    const response = await web.post('/profile', { displayName: 'Mallory', locale: 'en' }, { csrf: false });
    expect(response.statusCode).toBe(403);
    const me = await test.app.inject({ url: '/api/v1/me', headers: web.auth });
    expect(me.json()).toMatchObject({ displayName: 'Test User' });
  });
});

describe('/profile/password', () => {
  it('refuses a wrong current password and weak or common new ones, with 422 and the reason', async () => {
    const web = await signedInStudent('weak@school.test');
    const page = await web.get('/profile/password');
    expect(page.body).toMatch(/<input[^>]*name="currentPassword"[^>]*autocomplete="current-password"/);
    expect(page.body).toMatch(/<input[^>]*name="newPassword"[^>]*autocomplete="new-password"/);
    expect(page.body).toContain('8 to 128 characters');

    const wrong = await web.post('/profile/password', {
      currentPassword: 'not my password',
      newPassword: 'a fresh long password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is wrong.');
    expect(wrong.body).toMatch(/<input[^>]*name="currentPassword"[^>]*aria-invalid="true"/);
    expect(wrong.body).not.toContain('not my password');

    const short = await web.post('/profile/password', { currentPassword: STRONG_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toMatch(/<input[^>]*name="newPassword"[^>]*aria-invalid="true"/);

    const common = await web.post('/profile/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'password123',
    });
    expect(common.statusCode).toBe(422);
    expect(common.body).toMatch(/<input[^>]*name="newPassword"[^>]*aria-invalid="true"/);

    const missing = await web.post('/profile/password', { currentPassword: STRONG_PASSWORD });
    expect(missing.statusCode).toBe(422);

    await login(test.app, 'weak@school.test', STRONG_PASSWORD); // unchanged
  });

  it('changes the password, ends the other sessions and keeps this one', async () => {
    const web = await signedInStudent('change@school.test');
    const other = await login(test.app, 'change@school.test');
    await web.get('/profile/password');
    const changed = await web.post('/profile/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'a brand new passphrase 7',
    });
    expect(changed.statusCode).toBe(303);
    const after = await web.follow(changed);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Your password has been changed; your other sessions were ended.');

    const otherMe = await test.app.inject({ url: '/api/v1/me', headers: other.auth });
    expect(otherMe.statusCode).toBe(401);
    const mine = await web.get('/profile/sessions');
    expect(mine.statusCode).toBe(200);
    expect(tableRows(mine.body)).toHaveLength(1);
    await login(test.app, 'change@school.test', 'a brand new passphrase 7');
  });
});

describe('/profile/sessions', () => {
  it('lists this and the other device, and signs the other one out', async () => {
    const web = await signedInStudent('devices@school.test');
    const phone = await PageBrowser.signIn(test.app, 'devices@school.test', { userAgent: FIREFOX_ON_WINDOWS });

    const page = await web.get('/profile/sessions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption>Live sessions, most recent first</caption>');
    expect(page.body).toContain('<th scope="col">Device</th>');
    const rows = tableRows(page.body);
    expect(rows).toHaveLength(3); // and the API session of the registration
    expect(rows.filter((row) => row.includes('Unknown device'))).toHaveLength(1);
    expect(rows.find((row) => row.includes('Chrome on Linux'))).toContain('This device');
    const otherRow = rows.find((row) => row.includes('Firefox on Windows'));
    expect(otherRow).toContain('Sign out');
    expect(otherRow).not.toContain('This device');
    expect(page.body).toContain(`action="/profile/sessions/${phone.sessionId}/revoke"`);
    expect(page.body).not.toContain(`action="/profile/sessions/${web.sessionId}/revoke"`);

    const revoked = await web.post(`/profile/sessions/${phone.sessionId}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/profile/sessions');
    const after = await web.follow(revoked);
    expect(after.body).toContain('The session on the other device has been ended.');
    expect(tableRows(after.body)).toHaveLength(2);
    expect(after.body).not.toContain('Firefox on Windows');

    const phonePage = await phone.get('/profile');
    expect(phonePage.statusCode).toBe(303);
    expect(phonePage.headers.location).toMatch(/^\/login\?/);
    expect((await web.get('/profile')).statusCode).toBe(200);
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const victim = await signedInStudent('victim@school.test');
    const mallory = await signedInStudent('mallory@school.test');
    await mallory.get('/profile/sessions');
    const response = await mallory.post(`/profile/sessions/${victim.sessionId}/revoke`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect((await victim.get('/profile')).statusCode).toBe(200);
  });
});

describe('/profile/mfa', () => {
  const totp = createTotp({ issuer: 'Baza' });
  /** The key shown for manual entry, in groups of four. */
  const secretOf = (html: string) =>
    (/<code class="fs-5 user-select-all"[^>]*>([A-Z2-7 ]+)<\/code>/.exec(html)?.[1] ?? '').replace(/ /g, '');

  it('sets up TOTP through the pages, shows the recovery codes once, and turns it off with the password', async () => {
    const web = await signedInStudent('totp@school.test');
    const start = await web.get('/profile/mfa');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('action="/profile/mfa/setup"');
    expect(textOf(start.body)).toContain('Off');

    const setup = await web.post('/profile/mfa/setup', { password: STRONG_PASSWORD });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="QR code for your authenticator app/);
    const grouped = /<code class="fs-5 user-select-all"[^>]*>([A-Z2-7 ]+)<\/code>/.exec(setup.body)?.[1] ?? '';
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = secretOf(setup.body);
    expect(setup.body).toContain('action="/profile/mfa/confirm"');
    expect(setup.body).toMatch(/<input[^>]*name="code"[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/);

    const stale = totp.codeAt(secret, new Date(Date.now() - 10 * 60_000));
    const wrong = await web.post('/profile/mfa/confirm', { code: stale });
    expect(wrong.statusCode).toBe(422); // a signed-in user's wrong code is no 401
    expect(wrong.body).toContain('The code is wrong or was already used.');
    expect(wrong.body).toContain('Start over');

    const confirmed = await web.post('/profile/mfa/confirm', { code: totp.codeAt(secret, new Date()) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.headers['cache-control']).toBe('no-store');
    expect(confirmed.body).toContain('Two-factor sign-in is on.');
    const list = /<ol class="font-monospace[^"]*"[^>]*>([\s\S]*?)<\/ol>/.exec(confirmed.body)?.[1] ?? '';
    const codes = [...list.matchAll(/<code[^>]*>([^<]+)<\/code>/g)].map((match) => match[1]!);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const again = await web.get('/profile/mfa');
    expect(textOf(again.body)).toContain('On');
    for (const code of codes) expect(again.body).not.toContain(code);
    expect(again.body).toContain('action="/profile/mfa/disable"');
    const me = await test.app.inject({ url: '/api/v1/me', headers: web.auth });
    expect(me.json()).toMatchObject({ mfaEnabled: true });

    const alreadyOn = await web.post('/profile/mfa/setup', { password: STRONG_PASSWORD });
    expect(alreadyOn.statusCode).toBe(409);
    expect(alreadyOn.body).toContain('Two-factor authentication is already on.');

    const wrongPassword = await web.post('/profile/mfa/disable', { password: 'not the password' });
    expect(wrongPassword.statusCode).toBe(422);
    expect(wrongPassword.body).toMatch(/<input[^>]*name="password"[^>]*aria-invalid="true"/);
    expect((await test.app.inject({ url: '/api/v1/me', headers: web.auth })).json()).toMatchObject({
      mfaEnabled: true,
    });

    const disabled = await web.post('/profile/mfa/disable', { password: STRONG_PASSWORD });
    expect(disabled.statusCode).toBe(303);
    const off = await web.follow(disabled);
    expect(off.body).toContain('Two-factor sign-in is off.');
    expect(off.body).toContain('action="/profile/mfa/setup"');
    expect((await test.app.inject({ url: '/api/v1/me', headers: web.auth })).json()).toMatchObject({
      mfaEnabled: false,
    });
  });

  it('turns on the real thing: signing in then needs a code, and the code of the setup works only once', async () => {
    const web = await signedInStudent('replay@school.test');
    const setup = await web.post('/profile/mfa/setup', { password: STRONG_PASSWORD });
    const secret = secretOf(setup.body);
    const code = totp.codeAt(secret, new Date());
    expect((await web.post('/profile/mfa/confirm', { code })).statusCode).toBe(200);

    const challenge = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'replay@school.test', password: STRONG_PASSWORD },
    });
    expect(challenge.json()).toMatchObject({ mfaRequired: true });
    const { mfaToken } = challenge.json<{ mfaToken: string }>();
    const replay = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/mfa',
      payload: { mfaToken, code },
    });
    expect(replay.statusCode).toBe(401);
    const nextCode = totp.codeAt(secret, new Date(Date.now() + 30_000));
    const next = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/mfa',
      payload: { mfaToken, code: nextCode },
    });
    expect(next.statusCode).toBe(200);
  });

  it('asks for a code before anything else', async () => {
    const web = await signedInStudent('nocode@school.test');
    await web.get('/profile/mfa');
    const response = await web.post('/profile/mfa/confirm', { code: ' ' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/<input[^>]*name="code"[^>]*aria-invalid="true"/);
  });
});
