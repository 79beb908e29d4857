import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { cookiesFrom, createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock } from '../support/clock.ts';
import {
  createOwner,
  deliverMail,
  type LoggedIn,
  login,
  registeredUser,
  STRONG_PASSWORD,
  tokenFromMail,
} from '../support/identity.ts';

const totp = createTotp({ issuer: 'Baza' });

describe('audit events', () => {
  const clock = createTestClock();
  let test: TestApp;
  let owner: LoggedIn;
  let user: LoggedIn;
  const email = 'audited@school.test';
  const CLIENT = '198.51.100.23';
  let sequence = 0;

  beforeAll(async () => {
    test = await createTestApp({ clock });
    owner = await createOwner(test);
    user = await registeredUser(test, email);
  });
  afterAll(async () => test?.close());

  /** A request from CLIENT with a request id of its own; returns the response and that id. */
  async function send(options: { method: string; url: string; auth?: LoggedIn; payload?: Record<string, unknown> }) {
    sequence += 1;
    const requestId = `audit-test-${sequence}`;
    const response = await test.app.inject({
      method: options.method as 'POST',
      url: `/api/v1${options.url}`,
      remoteAddress: CLIENT,
      headers: { 'x-request-id': requestId, 'user-agent': 'audit-test', ...(options.auth?.auth ?? {}) },
      ...(options.payload ? { payload: options.payload } : {}),
    });
    expect(response.headers['x-request-id']).toBe(requestId);
    return { response, requestId };
  }

  /** The audit event of `action` recorded by the request `requestId`, read through the API as the owner. */
  async function auditEvent(action: string, requestId: string) {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?action=${action}&limit=100`,
      headers: owner.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items.every((item) => item.action === action)).toBe(true);
    const event = items.find((item) => item.requestId === requestId);
    expect(event, `an ${action} event for ${requestId}`).toBeDefined();
    return event!;
  }

  it('login success and failure', async () => {
    const ok = await send({ method: 'POST', url: '/auth/login', payload: { email, password: STRONG_PASSWORD } });
    expect(ok.response.statusCode).toBe(200);
    expect(await auditEvent('auth.login_succeeded', ok.requestId)).toMatchObject({
      actorId: user.userId,
      actorEmail: email,
      subjectId: user.userId,
      ip: CLIENT,
      at: clock.now().toISOString(),
    });

    const failed = await send({ method: 'POST', url: '/auth/login', payload: { email, password: 'wrong password!' } });
    expect(failed.response.statusCode).toBe(401);
    const failure = await auditEvent('auth.login_failed', failed.requestId);
    // Nobody proved who they are: no actor, but the account tried is the subject.
    expect(failure).toMatchObject({ actorId: null, subjectId: user.userId, ip: CLIENT, details: { email } });
    expect(JSON.stringify(failure)).not.toContain('wrong password!');

    const unknown = await send({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'ghost@school.test', password: 'whatever it is' },
    });
    expect(await auditEvent('auth.login_failed', unknown.requestId)).toMatchObject({
      actorId: null,
      subjectId: null,
      ip: CLIENT,
      details: { email: 'ghost@school.test' },
    });
  });

  it('logout', async () => {
    const session = await login(test.app, email);
    const { response, requestId } = await send({ method: 'POST', url: '/auth/logout', auth: session });
    expect(response.statusCode).toBe(204);
    const event = await auditEvent('auth.logout', requestId);
    expect(event).toMatchObject({ actorId: user.userId, subjectId: user.userId, ip: CLIENT });
    expect(event.details).toHaveProperty('sessionId');
  });

  it('password change and password reset', async () => {
    const changed = await send({
      method: 'POST',
      url: '/me/password',
      auth: user,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'the second password here' },
    });
    expect(changed.response.statusCode).toBe(204);
    expect(await auditEvent('user.password_changed', changed.requestId)).toMatchObject({
      actorId: user.userId,
      subjectId: user.userId,
      ip: CLIENT,
    });

    await test.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
    const token = await tokenFromMail(test, email, '/reset-password');
    const reset = await send({
      method: 'POST',
      url: '/auth/password-reset/confirm',
      payload: { token, newPassword: STRONG_PASSWORD },
    });
    expect(reset.response.statusCode).toBe(204);
    const event = await auditEvent('user.password_reset', reset.requestId);
    expect(event).toMatchObject({ actorId: user.userId, subjectId: user.userId, ip: CLIENT });
    expect(JSON.stringify(event)).not.toContain(token);
    user = await login(test.app, email);
  });

  it('MFA enabled and disabled', async () => {
    const enrolled = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: user.auth,
      payload: { password: STRONG_PASSWORD },
    });
    const { secret } = enrolled.json();
    const enabled = await send({
      method: 'POST',
      url: '/me/mfa/totp/confirm',
      auth: user,
      payload: { code: totp.codeAt(secret, clock.now()) },
    });
    expect(enabled.response.statusCode).toBe(200);
    expect(await auditEvent('user.mfa_enabled', enabled.requestId)).toMatchObject({
      actorId: user.userId,
      subjectId: user.userId,
      ip: CLIENT,
    });

    const disabled = await send({
      method: 'DELETE',
      url: '/me/mfa/totp',
      auth: user,
      payload: { password: STRONG_PASSWORD },
    });
    expect(disabled.response.statusCode).toBe(204);
    expect(await auditEvent('user.mfa_disabled', disabled.requestId)).toMatchObject({
      actorId: user.userId,
      subjectId: user.userId,
      ip: CLIENT,
    });
  });

  it('role and status changes, with the owner as the actor', async () => {
    const role = await send({
      method: 'PATCH',
      url: `/admin/users/${user.userId}`,
      auth: owner,
      payload: { role: 'moderator' },
    });
    expect(role.response.statusCode).toBe(200);
    expect(await auditEvent('user.role_changed', role.requestId)).toMatchObject({
      actorId: owner.userId,
      actorEmail: 'owner@school.test',
      subjectId: user.userId,
      subjectEmail: email,
      ip: CLIENT,
      details: { from: 'student', to: 'moderator' },
    });

    const status = await send({
      method: 'PATCH',
      url: `/admin/users/${user.userId}`,
      auth: owner,
      payload: { status: 'blocked' },
    });
    expect(status.response.statusCode).toBe(200);
    expect(await auditEvent('user.status_changed', status.requestId)).toMatchObject({
      actorId: owner.userId,
      subjectId: user.userId,
      ip: CLIENT,
      details: { from: 'active', to: 'blocked', sessionsEnded: expect.any(Number) },
    });
    const unblocked = await send({
      method: 'PATCH',
      url: `/admin/users/${user.userId}`,
      auth: owner,
      payload: { status: 'active' },
    });
    expect(await auditEvent('user.status_changed', unblocked.requestId)).toMatchObject({
      details: { from: 'blocked', to: 'active' },
    });

    // A refused change leaves no event.
    const refused = await send({
      method: 'PATCH',
      url: `/admin/users/${owner.userId}`,
      auth: owner,
      payload: { role: 'admin' },
    });
    expect(refused.response.statusCode).toBe(403);
    const all = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/audit-events?limit=100',
      headers: owner.auth,
    });
    expect(all.json().items.filter((item: { requestId: string }) => item.requestId === refused.requestId)).toEqual([]);
    user = await login(test.app, email);
  });

  it('session revocation', async () => {
    const other = await login(test.app, email);
    const sessions = await test.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: user.auth });
    const otherId = sessions.json().items.find((session: { current: boolean }) => !session.current).id as string;
    expect(otherId).toBeDefined();
    const revoked = await send({ method: 'DELETE', url: `/me/sessions/${otherId}`, auth: user });
    expect(revoked.response.statusCode).toBe(204);
    expect(await auditEvent('session.revoked', revoked.requestId)).toMatchObject({
      actorId: user.userId,
      subjectId: user.userId,
      ip: CLIENT,
      details: { sessionId: otherId },
    });
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: other.auth })).statusCode).toBe(401);
  });

  it('refresh-token reuse', async () => {
    const session = await login(test.app, email);
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    const reuse = await send({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: session.refreshToken } });
    expect(reuse.response.statusCode).toBe(401);
    expect(await auditEvent('auth.refresh_reuse_detected', reuse.requestId)).toMatchObject({
      subjectId: user.userId,
      ip: CLIENT,
    });
  });

  it('filters by actor, subject and time', async () => {
    const byOwner = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?actorId=${owner.userId}&limit=100`,
      headers: owner.auth,
    });
    const ownerEvents = byOwner.json().items as { actorId: string; action: string }[];
    expect(ownerEvents.length).toBeGreaterThanOrEqual(3);
    expect(ownerEvents.every((event) => event.actorId === owner.userId)).toBe(true);
    expect(byOwner.json().total).toBe(ownerEvents.length);

    const aboutUser = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?subjectId=${user.userId}&limit=100`,
      headers: owner.auth,
    });
    expect((aboutUser.json().items as { subjectId: string }[]).every((event) => event.subjectId === user.userId)).toBe(
      true,
    );

    const future = new Date(clock.now().getTime() + 60_000).toISOString();
    const none = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?from=${encodeURIComponent(future)}`,
      headers: owner.auth,
    });
    expect(none.json()).toEqual({ items: [], total: 0 });
    const until = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?to=${encodeURIComponent(future)}&limit=1`,
      headers: owner.auth,
    });
    expect(until.json().items).toHaveLength(1);
    expect(until.json().total).toBeGreaterThan(1);
    const badAction = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/audit-events?action=drop.table',
      headers: owner.auth,
    });
    expect(badAction.statusCode).toBe(400);
  });
});

describe('the structured log', () => {
  it('never contains a password, a token, a cookie or a TOTP secret', async () => {
    const clock = createTestClock();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        callback();
      },
    });
    const test = await createTestApp({ logStream, clock, env: { LOG_LEVEL: 'info' } });
    const secrets: Record<string, string> = {};
    try {
      const email = 'logged@school.test';
      const password = 'my very secret passphrase 1';
      secrets.password = password;
      const wrongPassword = 'a mistyped secret passphrase';
      secrets.wrongPassword = wrongPassword;
      const owner = await createOwner(test, 'owner@school.test', 'the owners own passphrase');
      secrets.ownerPassword = 'the owners own passphrase';
      secrets.ownerAccess = owner.accessToken;
      secrets.ownerRefresh = owner.refreshToken;

      const registered = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password, displayName: 'Logged' },
      });
      expect(registered.statusCode).toBe(202);
      secrets.verification = await tokenFromMail(test, email, '/verify-email');
      expect(
        (
          await test.app.inject({
            method: 'POST',
            url: '/api/v1/auth/verify-email',
            payload: { token: secrets.verification },
          })
        ).statusCode,
      ).toBe(204);
      // A wrong password, and a request refused by validation that carries a password.
      await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: wrongPassword } });
      await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'not-an-email', password },
      });

      const loggedIn = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      expect(loggedIn.statusCode).toBe(200);
      secrets.access = loggedIn.json().accessToken;
      secrets.refresh = loggedIn.json().refreshToken;
      const cookie = cookiesFrom(loggedIn.headers['set-cookie']);

      const refreshed = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: secrets.refresh },
      });
      expect(refreshed.statusCode).toBe(200);
      secrets.access2 = refreshed.json().accessToken;
      secrets.refresh2 = refreshed.json().refreshToken;
      // The rotated token again (theft), then the cookie (of the now revoked family).
      await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: secrets.refresh },
      });
      await test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });

      const session = await login(test.app, email, password);
      secrets.access3 = session.accessToken;
      secrets.refresh3 = session.refreshToken;
      await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
      // A page request with the session cookies.
      const pageCookie = cookiesFrom(
        (await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).headers[
          'set-cookie'
        ],
      );
      for (const pair of pageCookie.split('; ')) {
        const [name, value] = pair.split('=');
        if (name === 'baza-access' || name === 'baza-refresh') secrets[`cookie ${name}`] = value!;
      }
      expect(Object.keys(secrets)).toContain('cookie baza-refresh');
      await test.app.inject({ method: 'GET', url: '/', headers: { cookie: pageCookie, accept: 'text/html' } });

      const enrolled = await test.app.inject({
        method: 'POST',
        url: '/api/v1/me/mfa/totp',
        headers: session.auth,
        payload: { password },
      });
      secrets.totpSecret = enrolled.json().secret;
      const confirmed = await test.app.inject({
        method: 'POST',
        url: '/api/v1/me/mfa/totp/confirm',
        headers: session.auth,
        payload: { code: totp.codeAt(secrets.totpSecret!, clock.now()) },
      });
      const recoveryCodes: string[] = confirmed.json().recoveryCodes;
      recoveryCodes.forEach((code, index) => (secrets[`recovery ${index}`] = code));
      const step = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      secrets.mfaToken = step.json().mfaToken;
      const second = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login/mfa',
        payload: { mfaToken: secrets.mfaToken, code: recoveryCodes[0] },
      });
      secrets.access4 = second.json().accessToken;

      await test.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
      secrets.reset = await tokenFromMail(test, email, '/reset-password');
      secrets.newPassword = 'the reset passphrase 2';
      const reset = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: secrets.reset, newPassword: secrets.newPassword },
      });
      expect(reset.statusCode).toBe(204);
      // The reset link as a page (the token is in the query string).
      await test.app.inject({ method: 'GET', url: `/reset-password?token=${encodeURIComponent(secrets.reset)}` });
      await test.app.inject({ method: 'GET', url: `/verify-email?token=${encodeURIComponent(secrets.verification)}` });
      await deliverMail(test);
    } finally {
      await test.close();
    }

    // The log did record all this (so the check below is not vacuous)…
    expect(lines.some((line) => line.includes('audit auth.login_succeeded'))).toBe(true);
    expect(lines.some((line) => line.includes('audit user.password_reset'))).toBe(true);
    expect(lines.filter((line) => line.includes('request completed')).length).toBeGreaterThan(15);
    // …and none of the secrets.
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(8);
      const leaks = lines.filter((line) => line.includes(secret) || line.includes(encodeURIComponent(secret)));
      expect(leaks, `${name} in the log`).toEqual([]);
    }
  });
});
