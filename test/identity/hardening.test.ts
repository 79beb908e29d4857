import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import {
  createOwner,
  deliverMail,
  login,
  register,
  registeredUser,
  STRONG_PASSWORD,
  tokenFromMail,
} from '../support/identity.ts';
import { PageBrowser } from './page-browser.ts';

let test: TestApp;
let owner: Awaited<ReturnType<typeof createOwner>>;
beforeAll(async () => {
  test = await createTestApp();
  owner = await createOwner(test);
});
afterAll(async () => test?.close());

const auditOf = async (action: string, subjectId: string) => {
  const response = await test.app.inject({
    url: `/api/v1/admin/audit-events?action=${action}&subjectId=${subjectId}`,
    headers: owner.auth,
  });
  expect(response.statusCode).toBe(200);
  return response.json().items as { ip: string | null; requestId: string | null; details: Record<string, unknown> }[];
};

describe('signed-in password checks', () => {
  it('limit guesses of the current password per account (a stolen access token cannot brute-force it)', async () => {
    const session = await registeredUser(test, 'guess@school.test');
    const change = (currentPassword: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: session.auth,
        payload: { currentPassword, newPassword: 'a brand new long passphrase' },
      });
    for (let attempt = 0; attempt < 5; attempt++) expect((await change(`wrong guess ${attempt}`)).statusCode).toBe(422);
    const limited = await change(STRONG_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const disable = await test.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/mfa/totp',
      headers: session.auth,
      payload: { password: 'another guess' },
    });
    expect(disable.statusCode).toBe(429);
  });
});

describe('TOTP setup', () => {
  it('answers a wrong confirmation code with 422, not 401 (the user is signed in)', async () => {
    const session = await registeredUser(test, 'setup@school.test');
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: session.auth,
      payload: { password: STRONG_PASSWORD },
    });
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp/confirm',
      headers: session.auth,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'invalid_mfa_code' });
    expect(wrong.headers['www-authenticate']).toBeUndefined();
  });
});

describe('audit', () => {
  it('records a right-password sign-in to an unverified or blocked account as a failure with its reason', async () => {
    await register(test.app, 'pending@school.test');
    const pending = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'pending@school.test', password: STRONG_PASSWORD },
    });
    expect(pending.statusCode).toBe(403);
    const users = await test.app.inject({ url: '/api/v1/admin/users?q=pending@school.test', headers: owner.auth });
    const pendingId = users.json().items[0].id as string;
    expect((await auditOf('auth.login_failed', pendingId))[0]?.details).toMatchObject({
      reason: 'pending_verification',
    });
  });

  it('records the email confirmation with the client address and request id', async () => {
    await register(test.app, 'confirm@school.test');
    const token = await tokenFromMail(test, 'confirm@school.test', '/verify-email');
    const verified = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      headers: { 'x-request-id': 'verify-req-1' },
      payload: { token },
    });
    expect(verified.statusCode).toBe(204);
    const users = await test.app.inject({ url: '/api/v1/admin/users?q=confirm@school.test', headers: owner.auth });
    const [event] = await auditOf('user.email_verified', users.json().items[0].id);
    expect(event).toMatchObject({ ip: '127.0.0.1', requestId: 'verify-req-1' });
  });
});

describe('MFA code guessing from many addresses', () => {
  it('stops after 20 wrong codes per account in an hour, whatever the client address', async () => {
    const session = await registeredUser(test, 'many-ips@school.test');
    const enrolled = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: session.auth,
      payload: { password: STRONG_PASSWORD },
    });
    const totp = createTotp({ issuer: 'Baza' });
    const confirm = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp/confirm',
      headers: session.auth,
      payload: { code: totp.codeAt(enrolled.json().secret, new Date()) },
    });
    expect(confirm.statusCode).toBe(200);
    const step = async (code: string, remoteAddress: string) => {
      const login = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { email: 'many-ips@school.test', password: STRONG_PASSWORD },
      });
      const { mfaToken } = login.json();
      return test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login/mfa',
        remoteAddress,
        payload: { mfaToken, code },
      });
    };
    for (let address = 1; address <= 5; address++) {
      for (let guess = 0; guess < 4; guess++) {
        expect((await step('000000', `198.51.100.${address}`)).statusCode).toBe(401);
      }
    }
    const next = await step('000000', '198.51.100.99');
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sign-out and session details', () => {
  it('signs out with only a refresh token (the access token may have expired)', async () => {
    const session = await registeredUser(test, 'logout-refresh@school.test');
    const logout = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(logout.statusCode).toBe(204);
    const refresh = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    expect((await test.app.inject({ url: '/api/v1/me', headers: session.auth })).statusCode).toBe(401);
    const nothing = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(nothing.statusCode).toBe(401);
  });

  it('shows where a session was last used from, not only where it started', async () => {
    const session = await registeredUser(test, 'moved@school.test');
    const refreshed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0' },
      payload: { refreshToken: session.refreshToken },
    });
    const sessions = await test.app.inject({
      url: '/api/v1/me/sessions',
      headers: { authorization: `Bearer ${refreshed.json().accessToken}` },
    });
    expect(sessions.json().items[0]).toMatchObject({
      ip: '203.0.113.77',
      userAgent: expect.stringContaining('Android'),
    });
  });

  it('never lets a cache keep token responses', async () => {
    await registeredUser(test, 'no-store@school.test');
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'no-store@school.test', password: STRONG_PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('replaces the previous session when someone signs in again in the same browser', async () => {
    await registeredUser(test, 'twice@school.test');
    const browser = await PageBrowser.signIn(test.app, 'twice@school.test');
    const first = browser.sessionId;
    await browser.get('/login');
    const again = await browser.post('/login', { email: 'twice@school.test', password: STRONG_PASSWORD });
    expect(again.statusCode).toBe(303);
    const sessions = await test.app.inject({
      url: '/api/v1/me/sessions',
      headers: (await login(test.app, 'twice@school.test')).auth,
    });
    expect(sessions.json().items.map((item: { id: string }) => item.id)).not.toContain(first);
  });
});

describe('names', () => {
  it('refuses a display name with line breaks or control characters (it appears in mail and pages)', async () => {
    const session = await registeredUser(test, 'names@school.test');
    for (const displayName of ['Ada\nClick http://evil.example', 'Ada\u202egnp.exe']) {
      const response = await test.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: session.auth,
        payload: { displayName },
      });
      expect(response.statusCode, JSON.stringify(displayName)).toBe(422);
      expect(response.json()).toMatchObject({ code: 'invalid_display_name' });
    }
  });

  it('does not repeat the chosen name in mail to an address nobody has confirmed yet', async () => {
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'stranger@school.test', password: STRONG_PASSWORD, displayName: 'Win a prize at evil.example' },
    });
    const mail = (await deliverMail(test)).find((message) => message.to === 'stranger@school.test');
    expect(mail?.text).toContain('/verify-email?token=');
    expect(mail?.text).not.toContain('evil.example');
    expect(mail?.html).not.toContain('evil.example');
  });
});

describe('database constraints', () => {
  it('keep the owner active whatever the code does', async () => {
    await expect(
      sql`UPDATE users SET status = 'blocked' WHERE role = 'owner'`.execute(test.container.db),
    ).rejects.toThrow(/users_owner_is_active/);
  });
});

describe('TOTP enrollment', () => {
  it('needs the password again, so a stolen session cannot enroll its own device', async () => {
    const session = await registeredUser(test, 'reauth@school.test');
    const enroll = (payload?: object) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/me/mfa/totp',
        headers: session.auth,
        ...(payload ? { payload } : {}),
      });
    expect((await enroll()).statusCode).toBe(400);
    const wrong = await enroll({ password: 'not my password at all' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password' });
    expect((await enroll({ password: STRONG_PASSWORD })).statusCode).toBe(200);
  });
});
