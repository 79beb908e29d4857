import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { createMailer } from '../../src/shared/infrastructure/mail/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const t = useTestDatabase();
let server: TestSmtpServer;
beforeAll(async () => {
  server = await startTestSmtpServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await sql`TRUNCATE dev_mailbox`.execute(t.db);
});

const message = { to: 'lev@school.example', subject: 'Hello', text: 'Hello, Lev', html: '<p>Hello, Lev</p>' };
const mailFrom = 'Baza <no-reply@baza.test>';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', format: 'ecs', destination }), lines };
}

describe('createMailer', () => {
  it('sends over SMTP when SMTP_URL is set, storing nothing', async () => {
    const mail = createMailer({
      config: { smtpUrl: server.url, mailFrom, nodeEnv: 'production' },
      db: t.db,
      logger: t.logger,
    });
    try {
      expect(mail.devMailbox).toBeUndefined();
      await mail.mailer.send(message);
    } finally {
      await mail.close();
    }
    const received = await server.waitFor((captured) => captured.subject === 'Hello');
    expect(received).toMatchObject({ from: mailFrom, to: message.to, text: message.text, html: message.html });
    const stored = await sql<{ count: number }>`SELECT count(*)::int AS count FROM dev_mailbox`.execute(t.db);
    expect(stored.rows[0]?.count).toBe(0);
  });

  it('stores mail in the development mailbox without SMTP_URL', async () => {
    const { logger, lines } = capturingLogger();
    const mail = createMailer({ config: { smtpUrl: undefined, mailFrom, nodeEnv: 'development' }, db: t.db, logger });
    await mail.mailer.send(message);

    expect(await mail.devMailbox?.list(10)).toEqual([{ id: expect.any(String), ...message, sentAt: expect.any(Date) }]);
    expect(lines).toEqual([]);
  });

  it('warns once in production without SMTP_URL that mail is not delivered', async () => {
    const { logger, lines } = capturingLogger();
    const mail = createMailer({ config: { smtpUrl: undefined, mailFrom, nodeEnv: 'production' }, db: t.db, logger });
    await mail.mailer.send(message);
    await mail.mailer.send(message);

    expect(mail.devMailbox).toBeDefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      'log.level': 'warn',
      message: expect.stringContaining('never delivered'),
    });
  });
});
