import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

export const STRONG_PASSWORD = 'correct horse battery staple 42';

/** Delivers every due outbox event (mail is sent here) and returns the dev mailbox, newest first. */
export async function deliverMail(test: TestApp) {
  while ((await test.container.outboxRelay.deliverDue()) > 0) {
    /* keep delivering */
  }
  const mailbox = test.container.devMailbox;
  if (!mailbox) throw new Error('the test app has no development mailbox (SMTP_URL is set)');
  return mailbox.list(100);
}

/** The token of the newest link to `path` mailed to `email`. */
export async function tokenFromMail(test: TestApp, email: string, path: '/verify-email' | '/reset-password') {
  const messages = await deliverMail(test);
  const message = messages.find((mail) => mail.to === email && mail.text.includes(path));
  expect(message, `a ${path} mail to ${email}`).toBeDefined();
  const match = new RegExp(`${path}\\?token=([\\w%-]+)`).exec(message!.text);
  return decodeURIComponent(match![1]!);
}

export async function register(
  app: FastifyInstance,
  email: string,
  password = STRONG_PASSWORD,
  displayName = 'Test User',
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, displayName },
  });
  expect(response.statusCode).toBe(202);
}

/** A verified student, registered and confirmed through the API and the mailed link. */
export async function registeredUser(test: TestApp, email: string, password = STRONG_PASSWORD) {
  await register(test.app, email, password);
  const token = await tokenFromMail(test, email, '/verify-email');
  const verified = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  expect(verified.statusCode).toBe(204);
  return login(test.app, email, password);
}

export type LoggedIn = { accessToken: string; refreshToken: string; userId: string; auth: { authorization: string } };

/** Logs in through the JSON API, optionally from a given client address and browser. */
export async function login(
  app: FastifyInstance,
  email: string,
  password = STRONG_PASSWORD,
  from: { ip?: string; userAgent?: string } = {},
): Promise<LoggedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    ...(from.ip ? { remoteAddress: from.ip } : {}),
    ...(from.userAgent ? { headers: { 'user-agent': from.userAgent } } : {}),
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    userId: body.user.id,
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

/** The owner, made the way `baza user create-owner` makes it. */
export async function createOwner(test: TestApp, email = 'owner@school.test', password = STRONG_PASSWORD) {
  await test.container.modules.identity.useCases.createOwner({
    email,
    password,
    displayName: 'Owner',
    locale: 'en',
    now: test.container.clock.now(),
  });
  return login(test.app, email, password);
}
