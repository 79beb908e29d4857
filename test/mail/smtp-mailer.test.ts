import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { createSmtpMailer, type SmtpMailer } from '../../src/shared/infrastructure/mail/smtp-mailer.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const FROM = 'Baza <no-reply@baza.test>';
const silent = createLogger({ level: 'silent', format: 'ecs' });

let server: TestSmtpServer;
const mailers: SmtpMailer[] = [];
const mailerFor = (url: string, logger = silent) => {
  const mailer = createSmtpMailer({ url, from: FROM, logger });
  mailers.push(mailer);
  return mailer;
};

beforeAll(async () => {
  server = await startTestSmtpServer();
});
afterEach(() => {
  for (const mailer of mailers.splice(0)) mailer.close();
});
afterAll(() => server.close());

const message = {
  to: 'anna@school.example',
  subject: 'Подтвердите адрес электронной почты для входа в Baza',
  text: 'Здравствуйте, Анна!\n\nОткройте ссылку, чтобы подтвердить адрес:\nhttp://localhost:3000/verify?token=tok_ABC-123&lang=ru\n\nСсылка действует 24 часа.\n',
  html: '<p>Здравствуйте, Анна!</p><p><a href="http://localhost:3000/verify?token=tok_ABC-123&amp;lang=ru">Подтвердить адрес</a></p>',
};

describe('SMTP mailer', () => {
  it('delivers the text and HTML parts, subject, sender and recipient to a real SMTP server', async () => {
    await mailerFor(server.url).send(message);

    const mail = await server.waitFor((received) => received.to === message.to);
    expect(mail).toMatchObject({
      envelope: { from: 'no-reply@baza.test', to: ['anna@school.example'] },
      from: FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
  });

  it('authenticates with the credentials in the URL', async () => {
    const withCredentials = server.url.replace('smtp://', 'smtp://mailer:s3cret@');
    await mailerFor(withCredentials).send({ ...message, to: 'auth@school.example' });
    const mail = await server.waitFor((received) => received.to === 'auth@school.example');
    expect(mail.authUser).toBe('mailer');
  });

  it('throws when the server refuses the message, and sends the next one', async () => {
    const mailer = mailerFor(server.url);
    const before = server.messages.length;
    server.failNext(1);
    await expect(mailer.send({ ...message, to: 'refused@school.example' })).rejects.toThrow(/451/);
    expect(server.messages).toHaveLength(before);

    await mailer.send({ ...message, to: 'accepted@school.example' });
    expect(server.messages.slice(before).map((received) => received.to)).toEqual(['accepted@school.example']);
  });

  it('throws when no server is listening', async () => {
    const gone = await startTestSmtpServer();
    await gone.close();
    await expect(mailerFor(gone.url).send(message)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('logs the recipient domain and message id, never the body', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'debug', format: 'ecs', destination });
    await mailerFor(server.url, logger).send({ ...message, to: 'logged@school.example' });
    const mail = await server.waitFor((received) => received.to === 'logged@school.example');

    const log = lines.join('');
    expect(log).toContain('"recipientDomain":"school.example"');
    expect(log).toContain(mail.headers['message-id']);
    expect(log).not.toContain('tok_ABC-123');
    expect(log).not.toContain('logged@');
  });
});
