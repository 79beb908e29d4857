import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { deliverMail, login, register, registeredUser, STRONG_PASSWORD, tokenFromMail } from '../support/identity.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

describe('registration, verification and login', () => {
  it('registers, mails a verification link, verifies once, then logs in', async () => {
    const email = 'Ada@School.test';
    await register(test.app, email);

    const early = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ada@school.test', password: STRONG_PASSWORD },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'email_not_verified' });

    const token = await tokenFromMail(test, 'ada@school.test', '/verify-email');
    const verified = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(verified.statusCode).toBe(204);
    const again = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'invalid_token' });

    const session = await login(test.app, 'ADA@school.test');
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'ada@school.test', role: 'student', status: 'active', mfaEnabled: false });
    expect(me.json()).not.toHaveProperty('passwordHash');
  });

  it('answers a taken address exactly like a new one, and mails its owner instead', async () => {
    await registeredUser(test, 'taken@school.test');
    const taken = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'taken@school.test', password: 'another long password', displayName: 'Mallory' },
    });
    const fresh = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'fresh@school.test', password: 'another long password', displayName: 'Fresh' },
    });
    expect(taken.statusCode).toBe(202);
    expect(taken.body).toBe(fresh.body);
    const mail = await deliverMail(test);
    expect(
      mail.find((message) => message.to === 'taken@school.test' && /already|уже/i.test(message.subject)),
    ).toBeDefined();
  });

  it('refreshes with rotation, and logout kills the access token at once', async () => {
    const session = await registeredUser(test, 'rotate@school.test');
    const refreshed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json();
    expect(next.refreshToken).not.toBe(session.refreshToken);

    const reuse = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(reuse.statusCode).toBe(401);
    // The whole family is gone: the newest token and the access token too.
    const afterReuse = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: next.refreshToken },
    });
    expect(afterReuse.statusCode).toBe(401);
    const me = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${next.accessToken}` },
    });
    expect(me.statusCode).toBe(401);

    const other = await login(test.app, 'rotate@school.test');
    const logout = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: other.auth });
    expect(logout.statusCode).toBe(204);
    const afterLogout = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: other.auth });
    expect(afterLogout.statusCode).toBe(401);
  });
});
