import { createTransport } from 'nodemailer';
import type { Mailer } from '../../application/mailer.ts';
import type { Logger } from '../logging.ts';

/** A dead or silent server fails the send within seconds, so the outbox relay can move on and retry. */
const TIMEOUT_MS = 10_000;

export type SmtpMailer = Mailer & { close(): void };

/**
 * Sends through the SMTP server in `url` (smtp:// or smtps://, credentials in the URL). A failed
 * send throws; the outbox relay retries the event later. Bodies carry one-time tokens, so only
 * the recipient's domain and the message id are ever logged.
 */
export function createSmtpMailer(options: { url: string; from: string; logger: Logger }): SmtpMailer {
  const transport = createTransport({
    url: options.url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    dnsTimeout: TIMEOUT_MS,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      options.logger.debug({ recipientDomain: domainOf(message.to), messageId: info.messageId }, 'mail sent');
    },
    close() {
      transport.close();
    },
  };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).replace(/>$/, '');
}
