import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, HOUR, MINUTE } from '../support/clock.ts';
import { deliverMail, login, register, registeredUser, STRONG_PASSWORD, tokenFromMail } from '../support/identity.ts';

const clock = createTestClock();
let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ clock });
});
afterAll(async () => test?.close());

const NEW_PASSWORD = 'a brand new passphrase 7';

const post = (url: string, payload: Record<string, string>, headers: Record<string, string> = {}) =>
  test.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });

async function requestReset(email: string): Promise<void> {
  const response = await post('/auth/password-reset/request', { email });
  expect(response.statusCode).toBe(202);
}

/** Every reset token mailed to `email` so far, oldest first. */
async function resetTokens(email: string): Promise<string[]> {
  const mail = await deliverMail(test);
  return mail
    .filter((message) => message.to === email)
    .map((message) => /\/reset-password\?token=([\w%-]+)/.exec(message.text)?.[1])
    .filter((token): token is string => token !== undefined)
    .map(decodeURIComponent)
    .reverse();
}

const confirm = (token: string, newPassword = NEW_PASSWORD) =>
  post('/auth/password-reset/confirm', { token, newPassword });

function expectInvalidToken(response: Awaited<ReturnType<typeof confirm>>) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toMatchObject({ code: 'invalid_token' });
}

async function canLogIn(email: string, password: string): Promise<boolean> {
  const response = await post('/auth/login', { email, password });
  return response.statusCode === 200;
}

describe('password reset tokens', () => {
  it('set a new password once; the same link again is refused', async () => {
    await registeredUser(test, 'once@school.test');
    await requestReset('once@school.test');
    const token = await tokenFromMail(test, 'once@school.test', '/reset-password');
    expect((await confirm(token)).statusCode).toBe(204);
    expect(await canLogIn('once@school.test', NEW_PASSWORD)).toBe(true);
    expect(await canLogIn('once@school.test', STRONG_PASSWORD)).toBe(false);

    expectInvalidToken(await confirm(token, 'yet another passphrase 8'));
    expect(await canLogIn('once@school.test', NEW_PASSWORD)).toBe(true);
  });

  it('expire an hour after they are mailed', async () => {
    await registeredUser(test, 'late@school.test');
    await requestReset('late@school.test');
    const [early] = await resetTokens('late@school.test');
    clock.advance(59 * MINUTE);
    await requestReset('late@school.test');
    const [, late] = await resetTokens('late@school.test');
    clock.advance(2 * MINUTE); // the first is 61 minutes old, the second 2
    expectInvalidToken(await confirm(early!));
    expect(await canLogIn('late@school.test', STRONG_PASSWORD)).toBe(true);
    expect((await confirm(late!)).statusCode).toBe(204);

    await requestReset('late@school.test');
    const tokens = await resetTokens('late@school.test');
    clock.advance(HOUR);
    expectInvalidToken(await confirm(tokens.at(-1)!, 'a passphrase too late 9'));
  });

  it('die once the password is changed another way', async () => {
    const session = await registeredUser(test, 'changed@school.test');
    await requestReset('changed@school.test');
    const token = await tokenFromMail(test, 'changed@school.test', '/reset-password');
    clock.advance(MINUTE);
    const changed = await post(
      '/me/password',
      { currentPassword: STRONG_PASSWORD, newPassword: 'changed on purpose 10' },
      session.auth,
    );
    expect(changed.statusCode).toBe(204);
    expectInvalidToken(await confirm(token));
    expect(await canLogIn('changed@school.test', 'changed on purpose 10')).toBe(true);
  });

  it('die when another reset link is used first, whichever is newer', async () => {
    await registeredUser(test, 'twice@school.test');
    await requestReset('twice@school.test');
    await requestReset('twice@school.test');
    const [older, newer] = await resetTokens('twice@school.test');
    expect(older).not.toBe(newer);
    expect((await confirm(older!)).statusCode).toBe(204);
    expectInvalidToken(await confirm(newer!, 'the second link tried 11'));

    clock.advance(MINUTE);
    await requestReset('twice@school.test');
    await requestReset('twice@school.test');
    const [third, fourth] = (await resetTokens('twice@school.test')).slice(2);
    expect((await confirm(fourth!, 'the newer link used 12')).statusCode).toBe(204);
    expectInvalidToken(await confirm(third!, 'the older link tried 13'));
    expect(await canLogIn('twice@school.test', 'the newer link used 12')).toBe(true);
  });

  it('set the password once when the same link is sent several times at once', async () => {
    await registeredUser(test, 'racer@school.test');
    await requestReset('racer@school.test');
    const token = await tokenFromMail(test, 'racer@school.test', '/reset-password');
    const passwords = [1, 2, 3, 4, 5].map((index) => `racing passphrase number ${index}`);
    const results = await Promise.all(passwords.map((password) => confirm(token, password)));
    const statuses = results.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(4);
    const winner = passwords[statuses.indexOf(204)]!;
    expect(await canLogIn('racer@school.test', winner)).toBe(true);
  });

  it('end every session of the account', async () => {
    const first = await registeredUser(test, 'sessions@school.test');
    const second = await login(test.app, 'sessions@school.test');
    await requestReset('sessions@school.test');
    const token = await tokenFromMail(test, 'sessions@school.test', '/reset-password');
    expect((await confirm(token)).statusCode).toBe(204);
    for (const session of [first, second]) {
      const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
      expect(me.statusCode).toBe(401);
      const refreshed = await post('/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.statusCode).toBe(401);
    }
  });

  it('refuse a weak or common new password and stay usable', async () => {
    await registeredUser(test, 'weak@school.test');
    await requestReset('weak@school.test');
    const token = await tokenFromMail(test, 'weak@school.test', '/reset-password');
    const short = await confirm(token, 'short');
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'weak_password' });
    const common = await confirm(token, 'password123');
    expect(common.statusCode).toBe(422);
    expect(common.json()).toMatchObject({ code: 'common_password' });
    expect((await confirm(token)).statusCode).toBe(204);
  });

  it('refuse garbage and a verification token', async () => {
    expectInvalidToken(await confirm('not-a-token'));
    await register(test.app, 'mixup@school.test');
    const verification = await tokenFromMail(test, 'mixup@school.test', '/verify-email');
    expectInvalidToken(await confirm(verification));
  });
});

describe('email verification tokens', () => {
  it('work for 48 hours', async () => {
    await register(test.app, 'slow@school.test');
    const token = await tokenFromMail(test, 'slow@school.test', '/verify-email');
    clock.advance(47 * HOUR + 59 * MINUTE);
    const verified = await post('/auth/verify-email', { token });
    expect(verified.statusCode).toBe(204);
  });

  it('expire after 48 hours; a resent link works', async () => {
    await register(test.app, 'slower@school.test');
    const token = await tokenFromMail(test, 'slower@school.test', '/verify-email');
    clock.advance(48 * HOUR);
    const expired = await post('/auth/verify-email', { token });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'invalid_token' });
    const early = await post('/auth/login', { email: 'slower@school.test', password: STRONG_PASSWORD });
    expect(early.json()).toMatchObject({ code: 'email_not_verified' });

    expect((await post('/auth/resend-verification', { email: 'slower@school.test' })).statusCode).toBe(202);
    const fresh = await tokenFromMail(test, 'slower@school.test', '/verify-email');
    expect(fresh).not.toBe(token);
    expect((await post('/auth/verify-email', { token: fresh })).statusCode).toBe(204);
    expect(await canLogIn('slower@school.test', STRONG_PASSWORD)).toBe(true);
  });

  it('verify once when the same link is sent several times at once', async () => {
    await register(test.app, 'double-click@school.test');
    const token = await tokenFromMail(test, 'double-click@school.test', '/verify-email');
    const results = await Promise.all([1, 2, 3].map(() => post('/auth/verify-email', { token })));
    expect(results.map((response) => response.statusCode).sort()).toEqual([204, 400, 400]);
    const events = await test.container.db
      .selectFrom('auditEvents')
      .innerJoin('users', 'users.id', 'auditEvents.subjectId')
      .select('auditEvents.id')
      .where('users.email', '=', 'double-click@school.test')
      .where('auditEvents.action', '=', 'user.email_verified')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('tell an unverified account apart only after the right password', async () => {
    await register(test.app, 'unverified@school.test');
    const wrong = await post('/auth/login', { email: 'unverified@school.test', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    const right = await post('/auth/login', { email: 'unverified@school.test', password: STRONG_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(right.json()).toMatchObject({ code: 'email_not_verified' });
  });
});
