import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/shared/http/i18n/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { login, STRONG_PASSWORD } from '../support/identity.ts';
import { type CapturedMail, startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const BASE_URL = 'https://baza.school.test';

let server: TestSmtpServer;
let test: TestApp;
beforeAll(async () => {
  server = await startTestSmtpServer();
  test = await createTestApp({ env: { SMTP_URL: server.url, BASE_URL } });
});
afterAll(async () => {
  await test?.close();
  await server?.close();
});

async function registerIn(email: string, locale: 'ru' | 'en', displayName = 'Mail Reader') {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: STRONG_PASSWORD, displayName, locale },
  });
  expect(response.statusCode).toBe(202);
}

const deliverDue = () => test.container.outboxRelay.deliverDue();
const to = (email: string) => (mail: CapturedMail) => mail.to === email;

/** The one link to `path` in the message: the same in its text and its HTML part. */
function linkIn(mail: CapturedMail, path: string): string {
  const pattern = new RegExp(`${BASE_URL.replaceAll('.', '\\.')}${path}\\?token=[\\w%-]+`, 'g');
  const inText = mail.text.match(pattern) ?? [];
  const inHtml = mail.html.match(pattern) ?? [];
  expect(inText).toHaveLength(1);
  expect(inHtml).toEqual(inText);
  return inText[0]!;
}

const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token') ?? '');

async function outboxRowsOf(email: string) {
  return test.container.db
    .selectFrom('outbox')
    .innerJoin('users', (join) => join.on(sql`outbox.payload->>'userId'`, '=', sql`users.id::text`))
    .select(['outbox.id', 'outbox.type', 'outbox.attempts', 'outbox.deliveredAt', 'outbox.lastError'])
    .where('users.email', '=', email)
    .orderBy('outbox.id')
    .execute();
}

describe('account mail over SMTP', () => {
  it('mails the verification link with text and HTML parts in the language chosen at sign-up', async () => {
    await registerIn('reader@school.test', 'en', 'Ada Reader');
    await registerIn('chitatel@school.test', 'ru', 'Чита Тель');
    expect(await deliverDue()).toBeGreaterThanOrEqual(2);

    for (const [email, locale, name] of [
      ['reader@school.test', 'en', 'Ada Reader'],
      ['chitatel@school.test', 'ru', 'Чита Тель'],
    ] as const) {
      const t = translator(locale);
      const mail = await server.waitFor(to(email));
      expect(mail.envelope.to).toEqual([email]);
      expect(mail.from).toBe('Baza <no-reply@localhost>');
      expect(mail.subject).toBe(t('mail.verify_email.subject'));
      expect(mail.text).toContain(t('mail.greetingAnonymous')); // the name is not repeated to an unconfirmed address
      expect(mail.text).not.toContain(name);
      expect(mail.text).toContain(t('mail.verify_email.body'));
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.html).toContain(t('mail.verify_email.action'));
      expect(mail.text).toContain(`${BASE_URL}/verify-email?token=`);
      expect(mail.html).toContain(`href="${BASE_URL}/verify-email?token=`);
      linkIn(mail, '/verify-email');
    }
    expect(server.messages.find(to('chitatel@school.test'))!.subject).toMatch(/[а-яё]/i);
  });

  it('the link from the real message verifies the account', async () => {
    const mail = await server.waitFor(to('reader@school.test'));
    const token = tokenOf(linkIn(mail, '/verify-email'));
    const verified = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(verified.statusCode).toBe(204);
    const session = await login(test.app, 'reader@school.test');
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
    expect(me.json()).toMatchObject({ status: 'active', locale: 'en' });
  });

  it('retries a delivery the server refused, and the mail arrives exactly once with a working link', async () => {
    const email = 'patient@school.test';
    await registerIn(email, 'en');
    server.failNext(1);
    expect(await deliverDue()).toBe(0);
    expect(server.messages.filter(to(email))).toEqual([]);
    const [failed] = await outboxRowsOf(email);
    expect(failed).toMatchObject({ type: 'user.registered', attempts: 1, deliveredAt: null });
    expect(failed!.lastError).toMatch(/451/);
    // The refused attempt left no usable token behind: it was made in the transaction that rolled back.
    const tokens = await test.container.db
      .selectFrom('oneTimeTokens')
      .innerJoin('users', 'users.id', 'oneTimeTokens.userId')
      .select('oneTimeTokens.tokenHash')
      .where('users.email', '=', email)
      .execute();
    expect(tokens).toEqual([]);

    // Backoff: not due yet. Then make it due, as time passing would.
    expect(await deliverDue()).toBe(0);
    await test.container.db
      .updateTable('outbox')
      .set({ nextAttemptAt: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', failed!.id)
      .execute();
    expect(await deliverDue()).toBe(1);
    const mail = await server.waitFor(to(email));
    expect(await deliverDue()).toBe(0);
    expect(server.messages.filter(to(email))).toHaveLength(1);
    const [delivered] = await outboxRowsOf(email);
    expect(delivered).toMatchObject({ attempts: 1, deliveredAt: expect.any(Date) });

    const token = tokenOf(linkIn(mail, '/verify-email'));
    expect(
      (await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode,
    ).toBe(204);
    await login(test.app, email);
  });

  it('mails the password reset link and the "you already have an account" notice the same way', async () => {
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'reader@school.test' },
    });
    await registerIn('reader@school.test', 'ru', 'Someone Else');
    await deliverDue();
    const t = translator('en'); // the account's language, not the one the second sign-up asked for
    const reset = await server.waitFor(
      (mail) => mail.to === 'reader@school.test' && mail.subject === t('mail.password_reset.subject'),
    );
    const token = tokenOf(linkIn(reset, '/reset-password'));
    const exists = await server.waitFor(
      (mail) => mail.to === 'reader@school.test' && mail.subject === t('mail.account_exists.subject'),
    );
    expect(exists.text).toContain(`${BASE_URL}/login`);
    expect(exists.text).not.toContain('token=');
    expect(exists.text).toContain('Ada Reader');

    const confirmed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'reset through real mail' },
    });
    expect(confirmed.statusCode).toBe(204);
    await login(test.app, 'reader@school.test', 'reset through real mail');
  });

  it('keeps no development mailbox when SMTP is configured', async () => {
    expect(test.container.devMailbox).toBeUndefined();
    const stored = await test.container.db.selectFrom('devMailbox').select('id').execute();
    expect(stored).toEqual([]);
  });
});
