import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { login, register, registeredUser, STRONG_PASSWORD, tokenFromMail } from '../support/identity.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

/** `count` characters (code points) drawn from several scripts and emoji, astral ones included. */
function mixedScripts(count: number): string {
  const alphabet = ['П', 'я', '密', '码', '🔐', '🦉', 'ß', 'é', 'ا', 'ש', 'ก', 'ñ', '7', ' ', 'Ω', '👩'];
  return Array.from({ length: count }, (_, index) => alphabet[index % alphabet.length]).join('');
}

const registerWith = (email: string, password: string) =>
  test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, displayName: 'Pat' },
  });

const changePassword = (auth: { authorization: string }, currentPassword: string, newPassword: string) =>
  test.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: auth,
    payload: { currentPassword, newPassword },
  });

const me = (auth: { authorization: string }) => test.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });

describe('the password policy', () => {
  it('refuses 7 characters and 129 characters with 422 weak_password', async () => {
    for (const password of ['seven77', 'x'.repeat(129), mixedScripts(129), '🦉'.repeat(7)]) {
      const response = await registerWith('policy@school.test', password);
      expect(response.statusCode, `${[...password].length} characters`).toBe(422);
      expect(response.json()).toMatchObject({ code: 'weak_password' });
    }
  });

  it('accepts 8 characters, and 128 characters of mixed scripts and emoji (counted as characters, not UTF-16 units)', async () => {
    const longest = mixedScripts(128);
    expect([...longest]).toHaveLength(128);
    expect(longest.length).toBeGreaterThan(128);
    expect((await registerWith('eight@school.test', '8 chars!')).statusCode).toBe(202);
    await registeredUser(test, 'longest@school.test', longest);
    // Exactly that password and no other: not a prefix, not a different normalisation of the length.
    expect(
      (
        await test.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'longest@school.test', password: longest.slice(0, -2) },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("refuses common passwords with 422 common_password ('password123', 'qwertyuiop')", async () => {
    for (const password of ['password123', 'qwertyuiop', 'Password123', 'QWERTYUIOP']) {
      const response = await registerWith('common@school.test', password);
      expect(response.statusCode, password).toBe(422);
      expect(response.json()).toMatchObject({ code: 'common_password' });
    }
  });

  it('never creates the account when the password is refused', async () => {
    await registerWith('refused@school.test', 'password123');
    const reset = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'refused@school.test' },
    });
    expect(reset.statusCode).toBe(202);
    const users = await test.container.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'refused@school.test')
      .execute();
    expect(users).toEqual([]);
  });
});

describe('changing the password', () => {
  it('needs the current password: a wrong one is 422 wrong_password and changes nothing', async () => {
    const session = await registeredUser(test, 'careful@school.test');
    const other = await login(test.app, 'careful@school.test');
    const wrong = await changePassword(session.auth, 'not my password', 'a perfectly good passphrase');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password' });
    expect((await me(other.auth)).statusCode).toBe(200);
    await login(test.app, 'careful@school.test', STRONG_PASSWORD);
  });

  it('applies the policy to the new password', async () => {
    const session = await registeredUser(test, 'policy-change@school.test');
    const short = await changePassword(session.auth, STRONG_PASSWORD, 'short');
    expect(short.json()).toMatchObject({ status: 422, code: 'weak_password' });
    const common = await changePassword(session.auth, STRONG_PASSWORD, 'qwertyuiop');
    expect(common.json()).toMatchObject({ status: 422, code: 'common_password' });
    await login(test.app, 'policy-change@school.test', STRONG_PASSWORD);
  });

  it('needs a signed-in user', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'a perfectly good passphrase' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('ends the other sessions at once but keeps the current one', async () => {
    const current = await registeredUser(test, 'mover@school.test');
    const laptop = await login(test.app, 'mover@school.test');
    const phone = await login(test.app, 'mover@school.test');
    const changed = await changePassword(current.auth, STRONG_PASSWORD, 'a perfectly good passphrase');
    expect(changed.statusCode).toBe(204);

    expect((await me(current.auth)).statusCode).toBe(200);
    const refreshed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: current.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    for (const ended of [laptop, phone]) {
      expect((await me(ended.auth)).statusCode).toBe(401);
      const refresh = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: ended.refreshToken },
      });
      expect(refresh.statusCode).toBe(401);
    }

    const old = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'mover@school.test', password: STRONG_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    await login(test.app, 'mover@school.test', 'a perfectly good passphrase');
  });

  it('works for an account verified through a reset link too', async () => {
    await register(test.app, 'resetter@school.test');
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'resetter@school.test' },
    });
    const token = await tokenFromMail(test, 'resetter@school.test', '/reset-password');
    const reset = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'reset into a verified account' },
    });
    expect(reset.statusCode).toBe(204);
    const session = await login(test.app, 'resetter@school.test', 'reset into a verified account');
    expect(
      (await changePassword(session.auth, 'reset into a verified account', 'and changed once more')).statusCode,
    ).toBe(204);
  });
});
