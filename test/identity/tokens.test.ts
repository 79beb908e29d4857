import { hkdfSync } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { cookiesFrom, createTestApp, TEST_SECRET, type TestApp } from '../support/app.ts';
import { createTestClock, HOUR, MINUTE } from '../support/clock.ts';
import { type LoggedIn, login, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

// Sessions here: idle for at most 2 h, alive for at most 5 h.
const clock = createTestClock();
let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({
    clock,
    env: { REFRESH_IDLE_TIMEOUT_HOURS: '2', REFRESH_ABSOLUTE_LIFETIME_HOURS: '5' },
  });
});
afterAll(async () => test?.close());

const me = (authorization?: string) =>
  test.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} });
const bearer = (token: string) => `Bearer ${token}`;
const refresh = (refreshToken: string) =>
  test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

function expectUnauthenticated(response: Awaited<ReturnType<typeof me>>) {
  expect(response.statusCode, response.body).toBe(401);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
}

const keyFor = (purpose: string) => new Uint8Array(hkdfSync('sha256', TEST_SECRET, 'baza', `jwt-${purpose}`, 32));
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

type Forgery = {
  key?: Uint8Array;
  typ?: string;
  iss?: string;
  aud?: string;
  sub?: string;
  sid?: string;
  iat?: number;
  exp?: number;
};

/** An access token made outside the app: by default exactly what the app would sign itself. */
async function forge(session: LoggedIn, forgery: Forgery = {}): Promise<string> {
  const issuer = test.container.config.baseUrl;
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ sid: forgery.sid ?? decodeJwt(session.accessToken).sid })
    .setProtectedHeader({ alg: 'HS256', typ: forgery.typ ?? 'at+jwt' })
    .setSubject(forgery.sub ?? session.userId)
    .setIssuer(forgery.iss ?? issuer)
    .setAudience(forgery.aud ?? `${issuer}/api`)
    .setIssuedAt(forgery.iat ?? now)
    .setExpirationTime(forgery.exp ?? now + 15 * 60)
    .sign(forgery.key ?? keyFor('access'));
}

describe('forged and misused access tokens are refused with 401', () => {
  let ada: LoggedIn;
  beforeAll(async () => {
    ada = await registeredUser(test, 'ada@school.test');
  });

  it('accepts a token signed exactly as the app signs it (so the forgeries below differ in one thing only)', async () => {
    const genuine = decodeJwt(ada.accessToken);
    expect(genuine).toMatchObject({
      sub: ada.userId,
      iss: test.container.config.baseUrl,
      aud: `${test.container.config.baseUrl}/api`,
    });
    const response = await me(bearer(await forge(ada)));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: ada.userId });
  });

  it('refuses `alg: none`', async () => {
    const claims = decodeJwt(ada.accessToken);
    for (const alg of ['none', 'None', 'NONE']) {
      const unsigned = `${base64url({ alg, typ: 'at+jwt' })}.${base64url(claims)}.`;
      expectUnauthenticated(await me(bearer(unsigned)));
    }
    // The genuine header and payload with the signature cut off.
    const [header, payload] = ada.accessToken.split('.');
    expectUnauthenticated(await me(bearer(`${header}.${payload}.`)));
  });

  it('refuses HS256 under a wrong key, and a tampered payload under the genuine signature', async () => {
    const wrongSecret = new TextEncoder().encode('a-completely-different-secret-of-enough-length');
    expectUnauthenticated(await me(bearer(await forge(ada, { key: wrongSecret }))));
    // The raw JWT_SECRET is not the signing key: keys are derived per purpose.
    expectUnauthenticated(await me(bearer(await forge(ada, { key: new TextEncoder().encode(TEST_SECRET) }))));
    // Another purpose's derived key (the MFA step key) does not sign access tokens.
    expectUnauthenticated(await me(bearer(await forge(ada, { key: keyFor('mfa') }))));
    // The right key under another HMAC algorithm: only HS256 is accepted.
    const claims = decodeJwt(ada.accessToken);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).sign(keyFor('access'));
    expectUnauthenticated(await me(bearer(hs512)));

    const [header, , signature] = ada.accessToken.split('.');
    const payload = base64url({
      ...decodeJwt(ada.accessToken),
      exp: Math.floor(clock.now().getTime() / 1000) + 86_400,
    });
    expectUnauthenticated(await me(bearer(`${header}.${payload}.${signature}`)));
  });

  it('checks the audience, the issuer and the token type, each on its own', async () => {
    const issuer = test.container.config.baseUrl;
    expectUnauthenticated(await me(bearer(await forge(ada, { aud: `${issuer}/mfa` }))));
    expectUnauthenticated(await me(bearer(await forge(ada, { aud: 'https://elsewhere.test/api' }))));
    expectUnauthenticated(await me(bearer(await forge(ada, { iss: 'https://evil.test' }))));
    expectUnauthenticated(await me(bearer(await forge(ada, { typ: 'JWT' }))));
    expectUnauthenticated(await me(bearer(await forge(ada, { typ: 'mfa+jwt' }))));
  });

  it("refuses a token naming another user's session", async () => {
    const grace = await registeredUser(test, 'grace@school.test');
    const sid = String(decodeJwt(grace.accessToken).sid);
    expectUnauthenticated(await me(bearer(await forge(ada, { sid }))));
  });

  it('refuses an expired token (16 minutes later), while the refresh token still works', async () => {
    const session = await login(test.app, 'ada@school.test');
    expect((await me(session.auth.authorization)).statusCode).toBe(200);
    clock.advance(16 * MINUTE);
    expectUnauthenticated(await me(session.auth.authorization));
    // A forged token with a past expiry, too.
    const past = Math.floor(clock.now().getTime() / 1000) - 60;
    expectUnauthenticated(await me(bearer(await forge(session, { iat: past - 900, exp: past }))));

    const refreshed = await refresh(session.refreshToken);
    expect(refreshed.statusCode).toBe(200);
    expect((await me(bearer(refreshed.json().accessToken))).statusCode).toBe(200);
  });

  it('refuses a refresh token used as an access token', async () => {
    const session = await login(test.app, 'ada@school.test');
    expectUnauthenticated(await me(bearer(session.refreshToken)));
  });

  it('refuses an MFA step token used as an access token', async () => {
    const totp = createTotp({ issuer: 'Baza' });
    const mfaUser = await registeredUser(test, 'mfa@school.test');
    const enrolled = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: mfaUser.auth,
      payload: { password: STRONG_PASSWORD },
    });
    expect(enrolled.statusCode).toBe(200);
    const { secret } = enrolled.json();
    const confirmed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp/confirm',
      headers: mfaUser.auth,
      payload: { code: totp.codeAt(secret, clock.now()) },
    });
    expect(confirmed.statusCode).toBe(200);

    const step = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'mfa@school.test', password: 'correct horse battery staple 42' },
    });
    expect(step.json()).toMatchObject({ mfaRequired: true });
    const { mfaToken } = step.json();
    expectUnauthenticated(await me(bearer(mfaToken)));
    // Nor does it refresh anything.
    expect([400, 401]).toContain((await refresh(mfaToken)).statusCode);
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expectUnauthenticated(await me());
    expectUnauthenticated(await me('Bearer'));
    expectUnauthenticated(await me('Basic YWRhOnNlY3JldA=='));
    expectUnauthenticated(await me('Bearer not.a.jwt'));
  });
});

describe('refresh tokens rotate, and a reused one revokes its family', () => {
  it('answers a rotated token with 401 and ends the newest pair too', async () => {
    const first = await registeredUser(test, 'rotate@school.test');
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const pair2 = second.json();
    expect(pair2).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(pair2.refreshToken).not.toBe(first.refreshToken);
    const third = await refresh(pair2.refreshToken);
    expect(third.statusCode).toBe(200);
    const pair3 = third.json();
    expect((await me(bearer(pair3.accessToken))).statusCode).toBe(200);

    // pair2's refresh token was rotated: presenting it again is theft.
    const reuse = await refresh(pair2.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ code: 'invalid_refresh_token' });
    expect((await refresh(pair3.refreshToken)).statusCode).toBe(401);
    expectUnauthenticated(await me(bearer(pair3.accessToken)));
    expectUnauthenticated(await me(first.auth.authorization));

    // Other sessions of the same user are another family and live on.
    const other = await login(test.app, 'rotate@school.test');
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('rotates a token once when it is presented several times at once', async () => {
    const session = await registeredUser(test, 'parallel-refresh@school.test');
    const results = await Promise.all([1, 2, 3].map(() => refresh(session.refreshToken)));
    const statuses = results.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(2);
    const tokens = new Set(
      results.filter((response) => response.statusCode === 200).map((response) => response.json().refreshToken),
    );
    expect(tokens.size).toBeLessThanOrEqual(1);
  });

  it('refuses an unknown refresh token and a missing one', async () => {
    expect((await refresh('x'.repeat(43))).statusCode).toBe(401);
    const none = await test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'invalid_refresh_token' });
  });

  it('ends a session left idle longer than REFRESH_IDLE_TIMEOUT_HOURS; each refresh moves the deadline', async () => {
    await registeredUser(test, 'idle@school.test');
    const session = await login(test.app, 'idle@school.test');
    clock.advance(2 * HOUR - MINUTE);
    const kept = await refresh(session.refreshToken);
    expect(kept.statusCode).toBe(200);
    clock.advance(2 * HOUR - MINUTE); // 3 h 58 min after login, but used 1 h 59 min ago
    const keptAgain = await refresh(kept.json().refreshToken);
    expect(keptAgain.statusCode).toBe(200);

    clock.advance(2 * HOUR + MINUTE);
    expect((await refresh(keptAgain.json().refreshToken)).statusCode).toBe(401);
    const sessions = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: (await login(test.app, 'idle@school.test')).auth,
    });
    expect(sessions.json().items).toHaveLength(1); // only the new one
  });

  it('ends a session REFRESH_ABSOLUTE_LIFETIME_HOURS after login however busy it is', async () => {
    await registeredUser(test, 'busy@school.test');
    const session = await login(test.app, 'busy@school.test');
    let refreshToken = session.refreshToken;
    for (let hour = 0; hour < 3; hour += 1) {
      clock.advance(90 * MINUTE); // 1.5 h, 3 h, 4.5 h
      const response = await refresh(refreshToken);
      expect(response.statusCode).toBe(200);
      refreshToken = response.json().refreshToken;
    }
    clock.advance(25 * MINUTE); // 4 h 55 min
    const last = await refresh(refreshToken);
    expect(last.statusCode).toBe(200);
    refreshToken = last.json().refreshToken;
    const accessToken: string = last.json().accessToken;
    expect((await me(bearer(accessToken))).statusCode).toBe(200);

    clock.advance(6 * MINUTE); // 5 h 1 min: idle for 6 minutes only, but past the absolute lifetime
    expect((await refresh(refreshToken)).statusCode).toBe(401);
    // The access token (issued 6 minutes ago, valid for 15) dies with its session.
    expectUnauthenticated(await me(bearer(accessToken)));
  });
});

describe('the refresh cookie', () => {
  it('refreshes POST /auth/refresh without a body, rotating the cookie', async () => {
    await registeredUser(test, 'cookie@school.test');
    const loggedIn = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'cookie@school.test', password: 'correct horse battery staple 42' },
    });
    const setCookie = loggedIn.headers['set-cookie'];
    const refreshCookie = [setCookie].flat().find((cookie) => cookie?.startsWith('baza-refresh='));
    expect(refreshCookie).toMatch(/HttpOnly/i);
    expect(refreshCookie).toMatch(/SameSite=Lax/i);

    const cookie = cookiesFrom(setCookie);
    const viaCookie = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(viaCookie.statusCode, viaCookie.body).toBe(200);
    const rotated = cookiesFrom(viaCookie.headers['set-cookie']);
    expect(rotated).toContain(`baza-refresh=${viaCookie.json().refreshToken}`);
    expect((await me(bearer(viaCookie.json().accessToken))).statusCode).toBe(200);

    // The rotated-away cookie is now a reused token: the family ends.
    const stale = await test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });
    expect(stale.statusCode).toBe(401);
    const afterTheft = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: rotated },
    });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('is refused when the browser says the request is cross-site, and stays usable from the site', async () => {
    const loggedIn = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'cookie@school.test', password: 'correct horse battery staple 42' },
    });
    const cookie = cookiesFrom(loggedIn.headers['set-cookie']);
    const crossSite = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(401);
    expect(crossSite.headers['set-cookie']).toBeUndefined();

    // The cross-site attempt neither rotated nor burned the cookie.
    const sameSite = await test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });
    expect(sameSite.statusCode).toBe(200);
  });
});
