import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MailMessage } from '../../src/shared/application/mailer.ts';
import { createUnitOfWork } from '../../src/shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../src/shared/infrastructure/jobs/outbox.ts';
import { createOutboxRelay } from '../../src/shared/infrastructure/jobs/outbox-relay.ts';
import { createSmtpMailer } from '../../src/shared/infrastructure/mail/smtp-mailer.ts';
import { useTestDatabase } from '../support/database.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const t = useTestDatabase();
let server: TestSmtpServer;
beforeAll(async () => {
  server = await startTestSmtpServer();
});
afterAll(() => server.close());

it('a failing SMTP server delays mail sent through the outbox but loses none', async () => {
  const mailer = createSmtpMailer({ url: server.url, from: 'Baza <no-reply@baza.test>', logger: t.logger });
  const relay = createOutboxRelay({
    db: t.db,
    handlers: new Map([['mail.requested', [(event) => mailer.send(event.payload as MailMessage)]]]),
    logger: t.logger,
    pollMs: 1000,
  });
  const uow = createUnitOfWork(t.db, (tx) => ({ outbox: createOutbox(tx) }));
  const message: MailMessage = {
    to: 'mira@school.example',
    subject: 'Your sign-in link',
    text: 'Sign in: http://localhost:3000/sign-in?token=once',
    html: '<a href="http://localhost:3000/sign-in?token=once">Sign in</a>',
  };
  await uow.run((tx) => tx.outbox.add({ type: 'mail.requested', payload: message }));

  try {
    server.failNext(1);
    expect(await relay.deliverDue()).toBe(0);
    const pending = await t.db
      .selectFrom('outbox')
      .select(['id', 'attempts', 'lastError', 'deliveredAt', sql<boolean>`next_attempt_at > now()`.as('deferred')])
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ attempts: 1, deliveredAt: null, deferred: true });
    expect(pending.lastError).toMatch(/451/);
    expect(server.messages).toEqual([]);

    // Backoff: nothing is due until its time has come.
    expect(await relay.deliverDue()).toBe(0);
    await t.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where('id', '=', pending.id)
      .execute();
    expect(await relay.deliverDue()).toBe(1);

    const mail = await server.waitFor((received) => received.to === message.to);
    expect(mail).toMatchObject({ subject: message.subject, text: message.text, html: message.html });
    expect(server.messages).toHaveLength(1);
    const delivered = await t.db.selectFrom('outbox').select(['deliveredAt', 'attempts']).executeTakeFirstOrThrow();
    expect(delivered).toEqual({ deliveredAt: expect.any(Date), attempts: 1 });
  } finally {
    mailer.close();
  }
});
