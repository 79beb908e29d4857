import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { createOwner, type LoggedIn, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

const totp = createTotp({ issuer: 'Baza' });
const STEP = 30_000;
type Auth = { authorization: string };

function api(test: TestApp) {
  return {
    enroll: (auth: Auth, password = STRONG_PASSWORD) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/me/mfa/totp',
        headers: auth,
        payload: { password },
      }),
    confirm: (auth: Auth, code: string) =>
      test.app.inject({ method: 'POST', url: '/api/v1/me/mfa/totp/confirm', headers: auth, payload: { code } }),
    disable: (auth: Auth, password: string) =>
      test.app.inject({ method: 'DELETE', url: '/api/v1/me/mfa/totp', headers: auth, payload: { password } }),
    login: (email: string, password = STRONG_PASSWORD) =>
      test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
    loginMfa: (mfaToken: string, code: string, remoteAddress = '127.0.0.1') =>
      test.app.inject({ method: 'POST', url: '/api/v1/auth/login/mfa', payload: { mfaToken, code }, remoteAddress }),
    get: (url: string, auth: Auth) => test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth }),
  };
}

/** Enrolls and confirms TOTP for a signed-in user; returns the secret and the recovery codes. */
async function enableTotp(test: TestApp, clock: { now(): Date }, auth: Auth, password = STRONG_PASSWORD) {
  const { enroll, confirm } = api(test);
  const enrolled = await enroll(auth, password);
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const { secret } = enrolled.json();
  const confirmed = await confirm(auth, totp.codeAt(secret, clock.now()));
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('TOTP over the API', () => {
  const clock = createTestClock();
  let test: TestApp;
  let calls: ReturnType<typeof api>;
  beforeAll(async () => {
    test = await createTestApp({ clock });
    calls = api(test);
  });
  afterAll(async () => test?.close());

  let user: LoggedIn;
  let secret: string;
  let recoveryCodes: string[];
  const email = 'two-factor@school.test';

  async function mfaStep(): Promise<string> {
    const response = await calls.login(email);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(response.headers['set-cookie']).toBeUndefined();
    return response.json().mfaToken;
  }

  it('enrolls: a secret, its otpauth URI and a QR code; a wrong code does not confirm', async () => {
    user = await registeredUser(test, email);
    const enrolled = await calls.enroll(user.auth);
    expect(enrolled.statusCode).toBe(200);
    const body = enrolled.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toBe(
      `otpauth://totp/Baza:${encodeURIComponent(email)}?secret=${body.secret}&issuer=Baza&algorithm=SHA1&digits=6&period=30`,
    );
    expect(body.qrCodeDataUri).toMatch(/^data:image\/svg\+xml/);
    secret = body.secret;

    const wrong = await calls.confirm(user.auth, totp.codeAt(secret, new Date(clock.now().getTime() - 5 * STEP)));
    // (401 today; the contract does not say which 4xx a wrong code during enrollment is.)
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    expect(wrong.json()).toMatchObject({ code: 'invalid_mfa_code' });
    expect((await calls.get('/me', user.auth)).json()).toMatchObject({ mfaEnabled: false });
    // Not on yet: logging in needs no second step.
    expect((await calls.login(email)).json()).toHaveProperty('accessToken');
  });

  it('confirms with a code and hands out ten single-use recovery codes', async () => {
    const confirmed = await calls.confirm(user.auth, totp.codeAt(secret, clock.now()));
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await calls.get('/me', user.auth)).json()).toMatchObject({ mfaEnabled: true });
    expect((await calls.confirm(user.auth, totp.codeAt(secret, clock.now()))).json()).toMatchObject({
      code: 'mfa_already_enabled',
    });
    expect((await calls.enroll(user.auth)).json()).toMatchObject({ code: 'mfa_already_enabled' });
  });

  it('login asks for the second step; a TOTP code completes it', async () => {
    const mfaToken = await mfaStep();
    // The code that confirmed the enrollment was spent: the same time step is refused.
    const replayed = await calls.loginMfa(mfaToken, totp.codeAt(secret, clock.now()));
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'invalid_mfa_code' });

    clock.advance(STEP);
    const code = totp.codeAt(secret, clock.now());
    const done = await calls.loginMfa(mfaToken, code);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ tokenType: 'Bearer', user: { email, mfaEnabled: true } });
    expect(done.headers['set-cookie']).toBeDefined();
    expect((await calls.get('/me', { authorization: `Bearer ${done.json().accessToken}` })).statusCode).toBe(200);

    // The same code again, even with a fresh first step, is refused.
    const again = await calls.loginMfa(await mfaStep(), code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'invalid_mfa_code' });
  });

  it('accepts one step of clock drift either way, not two', async () => {
    clock.advance(3 * STEP); // two steps past the last code used, so the one before the previous is still unused
    const mfaToken = await mfaStep();
    const tooOld = await calls.loginMfa(mfaToken, totp.codeAt(secret, new Date(clock.now().getTime() - 2 * STEP)));
    expect(tooOld.statusCode).toBe(401);
    const tooNew = await calls.loginMfa(mfaToken, totp.codeAt(secret, new Date(clock.now().getTime() + 2 * STEP)));
    expect(tooNew.statusCode).toBe(401);
    const late = await calls.loginMfa(mfaToken, totp.codeAt(secret, new Date(clock.now().getTime() - STEP)));
    expect(late.statusCode).toBe(200);
    // A step token works once, even with another valid code.
    const reusedStep = await calls.loginMfa(mfaToken, totp.codeAt(secret, new Date(clock.now().getTime() + STEP)));
    expect(reusedStep.statusCode).toBe(401);
    expect(reusedStep.json()).toMatchObject({ code: 'invalid_mfa_token' });
    const early = await calls.loginMfa(await mfaStep(), totp.codeAt(secret, new Date(clock.now().getTime() + STEP)));
    expect(early.statusCode).toBe(200);
    // The step after the early one is in the future still, and nothing older than it is accepted now.
    const current = await calls.loginMfa(await mfaStep(), totp.codeAt(secret, clock.now()));
    expect(current.statusCode).toBe(401);
  });

  it('a recovery code works once (in any case, with or without dashes)', async () => {
    const [first, second] = recoveryCodes;
    expect((await calls.loginMfa(await mfaStep(), first!)).statusCode).toBe(200);
    const reused = await calls.loginMfa(await mfaStep(), first!);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'invalid_mfa_code' });
    const typed = second!.toUpperCase().replaceAll('-', ' ');
    expect((await calls.loginMfa(await mfaStep(), typed)).statusCode).toBe(200);
    expect((await calls.loginMfa(await mfaStep(), second!)).statusCode).toBe(401);
  });

  it('accepts a code or a recovery code once even when it is sent several times at once', async () => {
    clock.advance(2 * STEP);
    const steps = await Promise.all([1, 2, 3, 4].map(() => mfaStep()));
    const code = totp.codeAt(secret, clock.now());
    // (From an address of its own: the failures here do not add to the per-address count above.)
    const withCode = await Promise.all(steps.map((mfaToken) => calls.loginMfa(mfaToken, code, '198.51.100.31')));
    expect(withCode.map((response) => response.statusCode).sort()).toEqual([200, 401, 401, 401]);

    const recoveryCode = recoveryCodes[4]!;
    const withRecovery = await Promise.all(
      steps.map((mfaToken) => calls.loginMfa(mfaToken, recoveryCode, '198.51.100.32')),
    );
    expect(withRecovery.map((response) => response.statusCode).sort()).toEqual([200, 401, 401, 401]);
  });

  it('refuses an expired, forged or stale first step', async () => {
    const mfaToken = await mfaStep();
    clock.advance(5 * MINUTE + 1000);
    const expired = await calls.loginMfa(mfaToken, totp.codeAt(secret, clock.now()));
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'invalid_mfa_token' });

    // An access token is not an MFA step token.
    const forged = await calls.loginMfa(user.accessToken, totp.codeAt(secret, clock.now()));
    expect(forged.statusCode).toBe(401);

    // A password change after the first step ends it.
    const stale = await mfaStep();
    clock.advance(2000);
    const session = await calls.loginMfa(await mfaStep(), recoveryCodes[2]!);
    const auth = { authorization: `Bearer ${session.json().accessToken}` };
    const changed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: auth,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'a new password after step one' },
    });
    expect(changed.statusCode).toBe(204);
    const afterChange = await calls.loginMfa(stale, totp.codeAt(secret, clock.now()));
    expect(afterChange.statusCode).toBe(401);
    expect(afterChange.json()).toMatchObject({ code: 'invalid_mfa_token' });
    user = { ...user, ...(await signInWithCode('a new password after step one')) };
  });

  async function signInWithCode(password: string) {
    clock.advance(STEP);
    const step = await calls.login(email, password);
    const done = await calls.loginMfa(step.json().mfaToken, totp.codeAt(secret, clock.now()));
    expect(done.statusCode, done.body).toBe(200);
    const accessToken: string = done.json().accessToken;
    return { accessToken, auth: { authorization: `Bearer ${accessToken}` } };
  }

  it('turning TOTP off needs the password; afterwards login is one step again', async () => {
    const wrong = await calls.disable(user.auth, STRONG_PASSWORD);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password' });
    expect((await calls.get('/me', user.auth)).json()).toMatchObject({ mfaEnabled: true });

    const off = await calls.disable(user.auth, 'a new password after step one');
    expect(off.statusCode).toBe(204);
    expect((await calls.get('/me', user.auth)).json()).toMatchObject({ mfaEnabled: false });
    expect((await calls.disable(user.auth, 'a new password after step one')).json()).toMatchObject({
      code: 'mfa_not_enabled',
    });
    const login = await calls.login(email, 'a new password after step one');
    expect(login.json()).toHaveProperty('accessToken');
    const recovery = await test.container.db
      .selectFrom('recoveryCodes')
      .select('codeHash')
      .where('userId', '=', user.userId)
      .execute();
    expect(recovery).toEqual([]);
  });

  it('a new enrollment gets a new secret; the old one no longer works', async () => {
    const again = await enableTotp(test, clock, user.auth, 'a new password after step one');
    expect(again.secret).not.toBe(secret);
    clock.advance(STEP);
    const step = await calls.login(email, 'a new password after step one');
    const withOld = await calls.loginMfa(step.json().mfaToken, totp.codeAt(secret, clock.now()));
    expect(withOld.statusCode).toBe(401);
    const withOldRecovery = await calls.loginMfa(step.json().mfaToken, recoveryCodes[3]!);
    expect(withOldRecovery.statusCode).toBe(401);
    const withNew = await calls.loginMfa(step.json().mfaToken, totp.codeAt(again.secret, clock.now()));
    expect(withNew.statusCode).toBe(200);
  });
});

describe('MFA_REQUIRED_FOR_STAFF', () => {
  const clock = createTestClock();
  let test: TestApp;
  let calls: ReturnType<typeof api>;
  beforeAll(async () => {
    test = await createTestApp({ clock, env: { MFA_REQUIRED_FOR_STAFF: 'true' } });
    calls = api(test);
  });
  afterAll(async () => test?.close());

  it('sends staff without MFA to enroll first: 403 mfa_enrollment_required on admin routes, MFA setup still reachable', async () => {
    const owner = await createOwner(test);
    const blocked = await calls.get('/admin/users', owner.auth);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'mfa_enrollment_required' });
    expect((await calls.get('/admin/audit-events', owner.auth)).json()).toMatchObject({
      code: 'mfa_enrollment_required',
    });
    expect((await calls.get('/me', owner.auth)).statusCode).toBe(200);
    await enableTotp(test, clock, owner.auth);
    expect((await calls.get('/admin/users', owner.auth)).statusCode).toBe(200);

    const admin = await registeredUser(test, 'admin@school.test');
    const student = await registeredUser(test, 'student@school.test');
    const granted = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.userId}`,
      headers: owner.auth,
      payload: { role: 'admin' },
    });
    expect(granted.statusCode).toBe(200);

    const adminBlocked = await calls.get('/admin/users', admin.auth);
    expect(adminBlocked.statusCode).toBe(403);
    expect(adminBlocked.json()).toMatchObject({ code: 'mfa_enrollment_required' });
    const patch = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${student.userId}`,
      headers: admin.auth,
      payload: { status: 'blocked' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await calls.get('/me/sessions', admin.auth)).statusCode).toBe(200);
    const enrolled = await calls.enroll(admin.auth);
    expect(enrolled.statusCode).toBe(200);
    const confirmed = await calls.confirm(admin.auth, totp.codeAt(enrolled.json().secret, clock.now()));
    expect(confirmed.statusCode).toBe(200);
    expect((await calls.get('/admin/users', admin.auth)).statusCode).toBe(200);

    // Students are not staff: nothing asks them to enroll.
    expect((await calls.get('/me/sessions', student.auth)).statusCode).toBe(200);
    expect((await calls.get('/admin/users', student.auth)).json()).toMatchObject({ code: 'forbidden' });
  });
});
