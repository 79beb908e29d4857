import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOwner, deliverMail, register, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

// Nothing an anonymous client gets back may tell whether an address has an account.

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await registeredUser(test, 'known@school.test');
  await registeredUser(test, 'resettable@school.test');
  await register(test.app, 'pending@school.test');
  await deliverMail(test);
});
afterAll(async () => test?.close());

type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/** What a client can compare: status, the problem or body without its request id, and the headers that vary by outcome. */
function observable(response: Response) {
  const body = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined;
  if (body) delete body.requestId;
  return {
    status: response.statusCode,
    body,
    contentType: response.headers['content-type'],
    wwwAuthenticate: response.headers['www-authenticate'],
    setCookie: response.headers['set-cookie'],
    retryAfter: response.headers['retry-after'],
  };
}

const post = (url: string, payload: Record<string, string>, remoteAddress = '127.0.0.1') =>
  test.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload,
    remoteAddress,
    headers: { 'accept-language': 'en' },
  });

describe('login', () => {
  it('answers an unknown email exactly like a wrong password (only the request id differs)', async () => {
    const unknown = await post('/auth/login', { email: 'nobody@school.test', password: STRONG_PASSWORD });
    const wrong = await post('/auth/login', { email: 'known@school.test', password: 'not the right password' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ code: 'invalid_credentials' });
    expect(observable(unknown)).toEqual(observable(wrong));
    expect(unknown.json().requestId).not.toBe(wrong.json().requestId);
  });

  it('says an account is unverified only after the right password', async () => {
    const wrong = await post('/auth/login', { email: 'pending@school.test', password: 'not the right password' });
    const unknown = await post('/auth/login', { email: 'nobody@school.test', password: 'not the right password' });
    expect(observable(wrong)).toEqual(observable(unknown));
    const right = await post('/auth/login', { email: 'pending@school.test', password: STRONG_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(right.json()).toMatchObject({ code: 'email_not_verified' });
  });

  it('says an account is blocked only after the right password', async () => {
    const owner = await createOwner(test);
    const user = await registeredUser(test, 'blocked@school.test');
    const blocked = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.userId}`,
      headers: owner.auth,
      payload: { status: 'blocked' },
    });
    expect(blocked.statusCode).toBe(200);
    const wrong = await post('/auth/login', { email: 'blocked@school.test', password: 'not the right password' });
    const unknown = await post('/auth/login', { email: 'nobody@school.test', password: 'not the right password' });
    expect(observable(wrong)).toEqual(observable(unknown));
    const right = await post('/auth/login', { email: 'blocked@school.test', password: STRONG_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(right.json()).toMatchObject({ code: 'account_blocked' });

    // A reset request for a blocked account looks like any other, and mails nothing.
    const reset = await post('/auth/password-reset/request', { email: 'blocked@school.test' });
    const resetUnknown = await post('/auth/password-reset/request', { email: 'nobody4@school.test' });
    expect(observable(reset)).toEqual(observable(resetUnknown));
    const mail = await deliverMail(test);
    expect(
      mail.filter((message) => message.to === 'blocked@school.test' && message.text.includes('/reset-password')),
    ).toEqual([]);
  });
});

describe('registration', () => {
  it('answers a taken address (verified or pending) exactly like a new one', async () => {
    const payload = (email: string) => ({ email, password: 'another long password', displayName: 'Somebody' });
    const fresh = await post('/auth/register', payload('fresh@school.test'));
    const taken = await post('/auth/register', payload('known@school.test'));
    const takenDifferentCase = await post('/auth/register', payload('KNOWN@School.test'));
    const pending = await post('/auth/register', payload('pending@school.test'));
    expect(fresh.statusCode).toBe(202);
    expect(fresh.json()).toEqual({ status: 'accepted' });
    for (const response of [taken, takenDifferentCase, pending])
      expect(observable(response)).toEqual(observable(fresh));
  });

  it('judges the password before anything else, for a taken address as for a new one', async () => {
    const weakNew = await post('/auth/register', { email: 'weak@school.test', password: 'short', displayName: 'W' });
    const weakTaken = await post('/auth/register', { email: 'known@school.test', password: 'short', displayName: 'W' });
    expect(weakNew.statusCode).toBe(422);
    expect(observable(weakNew)).toEqual(observable(weakTaken));
  });
});

describe('emailed links', () => {
  it('answers a resend of the verification link the same for unknown, pending and verified addresses', async () => {
    const unknown = await post('/auth/resend-verification', { email: 'nobody2@school.test' });
    const pending = await post('/auth/resend-verification', { email: 'pending@school.test' });
    const verified = await post('/auth/resend-verification', { email: 'known@school.test' });
    expect(unknown.statusCode).toBe(202);
    expect(observable(pending)).toEqual(observable(unknown));
    expect(observable(verified)).toEqual(observable(unknown));
    // Only the pending account actually gets a link.
    const mail = await deliverMail(test);
    expect(mail.filter((message) => message.to === 'nobody2@school.test')).toEqual([]);
    expect(
      mail.filter((message) => message.to === 'pending@school.test' && message.text.includes('/verify-email')),
    ).toHaveLength(2);
  });

  it('answers a password reset request the same for unknown and known addresses', async () => {
    const unknown = await post('/auth/password-reset/request', { email: 'nobody3@school.test' });
    // (known@school.test has used up its mail allowance above: a fresh verified account here)
    const known = await post('/auth/password-reset/request', { email: 'resettable@school.test' });
    expect(unknown.statusCode).toBe(202);
    expect(observable(known)).toEqual(observable(unknown));
    const mail = await deliverMail(test);
    expect(mail.filter((message) => message.to === 'nobody3@school.test')).toEqual([]);
    expect(
      mail.find((message) => message.to === 'resettable@school.test' && message.text.includes('/reset-password')),
    ).toBeDefined();
  });
});
