import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { deliverMail, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

const clock = createTestClock();
let test: TestApp;
beforeAll(async () => {
  // The general per-IP limit is lifted so that only identity's own limits are in play; cheap
  // argon2 keeps the hundred failed logins below quick.
  test = await createTestApp({
    clock,
    env: { RATE_LIMIT_MAX: '100000', ARGON2_MEMORY_KIB: '8192', ARGON2_ITERATIONS: '1' },
  });
});
afterAll(async () => test?.close());

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

const post = (url: string, payload: Record<string, string>, remoteAddress = '127.0.0.1') =>
  test.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, remoteAddress });

function expectRateLimited(response: Response, maxSeconds: number) {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('login failures', () => {
  it('lock one account from one address after five failures, even for the right password', async () => {
    await registeredUser(test, 'target@school.test');
    const attacker = '198.51.100.66';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await post(
        '/auth/login',
        { email: 'target@school.test', password: `guess number ${attempt}` },
        attacker,
      );
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    expectRateLimited(
      await post('/auth/login', { email: 'target@school.test', password: 'guess number 6' }, attacker),
      15 * 60,
    );
    expectRateLimited(
      await post('/auth/login', { email: 'target@school.test', password: STRONG_PASSWORD }, attacker),
      15 * 60,
    );
    // The address is the same whatever the letter case.
    expectRateLimited(
      await post('/auth/login', { email: 'TARGET@school.test', password: STRONG_PASSWORD }, attacker),
      15 * 60,
    );

    // The owner elsewhere is not locked out…
    const elsewhere = await post(
      '/auth/login',
      { email: 'target@school.test', password: STRONG_PASSWORD },
      '203.0.113.9',
    );
    expect(elsewhere.statusCode).toBe(200);
    // …and the attacker's address may still try other accounts (up to the per-address ceiling).
    expect((await post('/auth/login', { email: 'other@school.test', password: 'guess' }, attacker)).statusCode).toBe(
      401,
    );

    // The window passes.
    clock.advance(15 * MINUTE + 1000);
    expect(
      (await post('/auth/login', { email: 'target@school.test', password: STRONG_PASSWORD }, attacker)).statusCode,
    ).toBe(200);
  });

  it('hold against parallel guesses: no more than five are ever checked', async () => {
    await registeredUser(test, 'parallel@school.test');
    const attacker = '198.51.100.67';
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        post('/auth/login', { email: 'parallel@school.test', password: `parallel guess ${index}` }, attacker),
      ),
    );
    const statuses = guesses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expectRateLimited(
      await post('/auth/login', { email: 'parallel@school.test', password: STRONG_PASSWORD }, attacker),
      15 * 60,
    );
  });

  it('a successful login clears the count of earlier failures', async () => {
    await registeredUser(test, 'forgetful@school.test');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(
        (await post('/auth/login', { email: 'forgetful@school.test', password: `typo ${attempt}` })).statusCode,
      ).toBe(401);
    }
    expect((await post('/auth/login', { email: 'forgetful@school.test', password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        (await post('/auth/login', { email: 'forgetful@school.test', password: `typo ${attempt}` })).statusCode,
      ).toBe(401);
    }
    expectRateLimited(
      await post('/auth/login', { email: 'forgetful@school.test', password: STRONG_PASSWORD }),
      15 * 60,
    );
  });

  it('cap one address spraying many accounts (100 failures in 15 minutes)', async () => {
    const sprayer = '198.51.100.77';
    for (let attempt = 1; attempt <= 100; attempt += 1) {
      const response = await post(
        '/auth/login',
        { email: `victim-${attempt}@school.test`, password: 'Spring2024!' },
        sprayer,
      );
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    expectRateLimited(
      await post('/auth/login', { email: 'victim-101@school.test', password: 'Spring2024!' }, sprayer),
      15 * 60,
    );
    expect(
      (await post('/auth/login', { email: 'victim-101@school.test', password: 'Spring2024!' }, '198.51.100.78'))
        .statusCode,
    ).toBe(401);
  });
});

describe('mail-sending requests', () => {
  const weak = 'short'; // refused by the policy after the limit is counted: cheap requests that still count

  for (const [name, url, payload] of [
    [
      'register',
      '/auth/register',
      (email: string) => ({ email, password: 'a long enough password', displayName: 'Mail' }),
    ],
    ['resend-verification', '/auth/resend-verification', (email: string) => ({ email })],
    ['password-reset/request', '/auth/password-reset/request', (email: string) => ({ email })],
  ] as const) {
    it(`${name}: five per address an hour, from any client address`, async () => {
      const email = `limited-${name.replace(/\W/g, '-')}@school.test`;
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await post(url, payload(email), `198.51.100.${attempt}`);
        expect(response.statusCode, `attempt ${attempt}`).toBe(202);
      }
      expectRateLimited(await post(url, payload(email), '198.51.100.99'), 3600);
      expectRateLimited(await post(url, payload(email.toUpperCase()), '198.51.100.98'), 3600);
      expect((await post(url, payload(`another-${email}`), '198.51.100.99')).statusCode).toBe(202);
    });
  }

  it('the address allowance is shared by registration and resends, not by resets, and refills after an hour', async () => {
    const email = 'shared-allowance@school.test';
    expect((await post('/auth/register', { email, password: STRONG_PASSWORD, displayName: 'Share' })).statusCode).toBe(
      202,
    );
    for (let resend = 0; resend < 4; resend += 1) {
      expect((await post('/auth/resend-verification', { email })).statusCode).toBe(202);
    }
    expectRateLimited(await post('/auth/resend-verification', { email }), 3600);
    // Spending the sign-up allowance does not keep the owner of the address from a reset.
    for (let reset = 0; reset < 5; reset += 1) {
      expect((await post('/auth/password-reset/request', { email })).statusCode).toBe(202);
    }
    expectRateLimited(await post('/auth/password-reset/request', { email }), 3600);
    const mail = await deliverMail(test);
    expect(mail.filter((message) => message.to === email)).toHaveLength(10);
    clock.advance(60 * MINUTE + 1000);
    expect((await post('/auth/resend-verification', { email })).statusCode).toBe(202);
  });

  it('sixty requests per client address an hour, whatever the addresses asked for', async () => {
    const client = '192.0.2.50';
    for (let attempt = 1; attempt <= 60; attempt += 1) {
      const [url, body] =
        attempt % 3 === 0
          ? ['/auth/register', { email: `spray-${attempt}@school.test`, password: weak, displayName: 'Spray' }]
          : attempt % 3 === 1
            ? ['/auth/resend-verification', { email: `spray-${attempt}@school.test` }]
            : ['/auth/password-reset/request', { email: `spray-${attempt}@school.test` }];
      const response = await post(url, body, client);
      expect(response.statusCode, `attempt ${attempt}`).toBe(url === '/auth/register' ? 422 : 202);
    }
    expectRateLimited(await post('/auth/password-reset/request', { email: 'spray-61@school.test' }, client), 3600);
    expectRateLimited(
      await post(
        '/auth/register',
        { email: 'spray-62@school.test', password: STRONG_PASSWORD, displayName: 'S' },
        client,
      ),
      3600,
    );
    expect(
      (await post('/auth/password-reset/request', { email: 'spray-61@school.test' }, '192.0.2.51')).statusCode,
    ).toBe(202);
  });
});

describe('MFA code failures', () => {
  it('lock the second step for one account and address after five wrong codes, even for a right one', async () => {
    const totp = createTotp({ issuer: 'Baza' });
    const user = await registeredUser(test, 'mfa-limited@school.test');
    const enrolled = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: user.auth,
      payload: { password: STRONG_PASSWORD },
    });
    const { secret } = enrolled.json();
    const confirm = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp/confirm',
      headers: user.auth,
      payload: { code: totp.codeAt(secret, clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    clock.advance(30_000);

    const attacker = '198.51.100.150';
    const step = await post('/auth/login', { email: 'mfa-limited@school.test', password: STRONG_PASSWORD }, attacker);
    const { mfaToken } = step.json();
    const right = totp.codeAt(secret, clock.now());
    const wrongCodes = ['000000', '111111', '222222', '333333', '555555', 'zzzz-zzzz-zz'].filter(
      (code) => code !== right,
    );
    for (const code of wrongCodes.slice(0, 5)) {
      const response = await post('/auth/login/mfa', { mfaToken, code }, attacker);
      expect(response.statusCode, code).toBe(401);
    }
    expectRateLimited(await post('/auth/login/mfa', { mfaToken, code: '444444' }, attacker), 15 * 60);
    expectRateLimited(await post('/auth/login/mfa', { mfaToken, code: right }, attacker), 15 * 60);
    expectRateLimited(await post('/auth/login/mfa', { mfaToken, code: recoveryCodes[0] }, attacker), 15 * 60);

    // Parallel guesses from another address get no more than five checks either.
    const parallel = await Promise.all(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
        .map((digit) => digit.repeat(6))
        .filter((code) => code !== right)
        .map((code) => post('/auth/login/mfa', { mfaToken, code }, '198.51.100.151')),
    );
    const statuses = parallel.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((status) => status === 200 || status === 401).length).toBeLessThanOrEqual(5);

    // The refused attempts spent nothing: the right code and the recovery code work from elsewhere.
    const elsewhere = await post('/auth/login/mfa', { mfaToken, code: right }, '203.0.113.9');
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    // (A step token works once: the recovery code needs a new first step.)
    const again = await post(
      '/auth/login',
      { email: 'mfa-limited@school.test', password: STRONG_PASSWORD },
      '203.0.113.9',
    );
    const recovery = await post(
      '/auth/login/mfa',
      { mfaToken: again.json().mfaToken, code: recoveryCodes[0] },
      '203.0.113.9',
    );
    expect(recovery.statusCode, recovery.body).toBe(200);
  });
});
