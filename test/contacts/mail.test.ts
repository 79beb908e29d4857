import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/shared/http/i18n/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOwner, type LoggedIn, login, STRONG_PASSWORD } from '../support/identity.ts';
import { type CapturedMail, startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { clearRequests, contactEvents, storedRequests, submitOk } from './support.ts';

const BASE_URL = 'https://baza.school.test';
const XSS_NAME = 'Mallory <img src=x onerror=alert(1)>';
const XSS_MESSAGE = 'Hi!\n<script>alert("xss")</script>\n<img src=x onerror=alert(2)> & "quotes" \'too\'';

let server: TestSmtpServer;
let test: TestApp;
let owner: LoggedIn;

beforeAll(async () => {
  server = await startTestSmtpServer();
  test = await createTestApp({ env: { SMTP_URL: server.url, BASE_URL, RATE_LIMIT_MAX: '5000' } });
  owner = await createOwner(test, 'owner@school.test'); // English
  await staffMember('admin.ru@school.test', 'Админ Русский', 'admin', 'ru');
  await staffMember('admin.en@school.test', 'English Admin', 'admin', 'en');
  await staffMember('moderator@school.test', 'Moderator', 'moderator', 'en');
  const blocked = await staffMember('blocked@school.test', 'Blocked Admin', 'admin', 'en');
  await patchUser(blocked, { status: 'blocked' });
  await staffMember('student@school.test', 'Student', undefined, 'en');
  await deliverAll();
  server.messages.length = 0;
});
afterAll(async () => {
  await test?.close();
  await server?.close();
});

const to = (email: string) => (mail: CapturedMail) => mail.to === email;

async function deliverAll() {
  while ((await test.container.outboxRelay.deliverDue()) > 0) {
    /* keep delivering */
  }
}

async function patchUser(userId: string, payload: Record<string, string>) {
  const response = await test.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${userId}`,
    headers: owner.auth,
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Registered, verified through the link mailed over SMTP, given a role and a language. */
async function staffMember(
  email: string,
  displayName: string,
  role: 'admin' | 'moderator' | undefined,
  locale: string,
) {
  const registered = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: STRONG_PASSWORD, displayName, locale },
  });
  expect(registered.statusCode).toBe(202);
  await deliverAll();
  const mail = await server.waitFor(to(email));
  const token = decodeURIComponent(/\/verify-email\?token=([\w%-]+)/.exec(mail.text)![1]!);
  const verified = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  expect(verified.statusCode).toBe(204);
  const session = await login(test.app, email);
  if (role) await patchUser(session.userId, { role });
  return session.userId;
}

describe('contact.received: mail to the staff over SMTP', () => {
  it('mails every active admin and the owner once, each in their language, with the message escaped in HTML', async () => {
    await clearRequests(test);
    server.messages.length = 0;
    await submitOk(test, { name: XSS_NAME, email: 'mallory@example.com', message: XSS_MESSAGE });
    await deliverAll();

    const recipients = ['owner@school.test', 'admin.ru@school.test', 'admin.en@school.test'];
    for (const email of recipients) await server.waitFor(to(email));
    expect(server.messages.map((mail) => mail.to).sort()).toEqual([...recipients].sort());
    expect((await contactEvents(test)).every((event) => event.deliveredAt !== null)).toBe(true);

    for (const [email, locale, greeting] of [
      ['owner@school.test', 'en', 'Owner'],
      ['admin.ru@school.test', 'ru', 'Админ Русский'],
      ['admin.en@school.test', 'en', 'English Admin'],
    ] as const) {
      const t = translator(locale);
      const mail = server.messages.find(to(email))!;
      expect(mail.envelope.to).toEqual([email]);
      expect(mail.subject).toBe(t('contacts.mail.subject', { name: XSS_NAME }));
      // The text part carries what was typed, as it was typed.
      expect(mail.text).toContain(t('contacts.mail.greeting', { name: greeting }));
      expect(mail.text).toContain(XSS_NAME);
      expect(mail.text).toContain('mallory@example.com');
      expect(mail.text).toContain(XSS_MESSAGE);
      expect(mail.text).toContain(`${BASE_URL}/admin/contacts?q=mallory%40example.com`);
      // The HTML part escapes it: no tag the sender wrote survives.
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.html).not.toContain('<script');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;script>alert(&quot;xss&quot;)&lt;/script>');
      expect(mail.html).toContain('Mallory &lt;img src=x onerror=alert(1)>');
      expect(mail.html).toContain('&amp; &quot;quotes&quot;');
      expect(mail.html).toMatch(/Hi!<br\/?>&lt;script>/); // line breaks kept
      expect(mail.html).toContain('href="mailto:mallory@example.com"');
      expect(mail.html).toContain(t('contacts.mail.action'));
    }
    expect(server.messages.find(to('admin.ru@school.test'))!.subject).toMatch(/^Новое обращение/);
  });

  it('mails nobody about a request the honeypot caught', async () => {
    await clearRequests(test);
    server.messages.length = 0;
    await submitOk(test, { name: 'Bot', email: 'bot@example.com', message: 'Buy cheap things now!', website: 'x' });
    await deliverAll();
    expect(await contactEvents(test)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.messages).toEqual([]);
  });

  it('retries after the mail server refuses, and a repeated delivery mails nobody twice', async () => {
    await clearRequests(test);
    server.messages.length = 0;
    await submitOk(test, { name: 'Retry', email: 'retry@example.com', message: 'Please answer me twice? No, once.' });
    server.failNext(1);
    await test.container.outboxRelay.deliverDue();
    const [event] = await contactEvents(test);
    expect(event!.deliveredAt).toBeNull();
    const [failed] = await test.container.db
      .selectFrom('outbox')
      .select(['attempts', 'lastError'])
      .where('id', '=', event!.id)
      .execute();
    expect(failed!.attempts).toBe(1);
    expect(failed!.lastError).toBeTruthy();

    // Due again now (instead of after its backoff).
    await test.container.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(0) })
      .where('id', '=', event!.id)
      .execute();
    await deliverAll();
    for (const email of ['owner@school.test', 'admin.ru@school.test', 'admin.en@school.test']) {
      await server.waitFor(to(email));
    }
    const received = () => server.messages.map((mail) => mail.to).sort();
    expect(received()).toEqual(['admin.en@school.test', 'admin.ru@school.test', 'owner@school.test']);

    // At-least-once: the same event handled again (e.g. after a crash before it was marked) mails nobody.
    const [handler] = test.container.modules.contacts.outboxHandlers['contact.received']!;
    const [request] = await storedRequests(test);
    await handler!({
      id: event!.id,
      type: 'contact.received',
      payload: { requestId: request!.id },
      occurredAt: new Date(),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received()).toHaveLength(3);
    const notes = await test.container.db.selectFrom('contactRequestNotifications').selectAll().execute();
    expect(notes.map((note) => note.recipient).sort()).toEqual(received());
  });

  it('ignores an event whose request no longer exists or whose payload is malformed', async () => {
    server.messages.length = 0;
    const [handler] = test.container.modules.contacts.outboxHandlers['contact.received']!;
    const event = { id: '1', type: 'contact.received', occurredAt: new Date() };
    await handler!({ ...event, payload: { requestId: crypto.randomUUID() } });
    await handler!({ ...event, payload: { requestId: 'nope' } });
    await handler!({ ...event, payload: {} });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.messages).toEqual([]);
  });
});
