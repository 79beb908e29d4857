import type { Config } from '../../../config.ts';
import type { Mailer } from '../../application/mailer.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging.ts';
import { createDevMailbox, type DevMailbox } from './dev-mailbox.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

export type { DevMail, DevMailbox } from './dev-mailbox.ts';

export type MailSetup = { mailer: Mailer; devMailbox: DevMailbox | undefined; close(): Promise<void> };

/** SMTP when `SMTP_URL` is set; otherwise the development mailbox in the database. */
export function createMailer(deps: {
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'nodeEnv'>;
  db: Db;
  logger: Logger;
}): MailSetup {
  const { config, logger } = deps;
  if (config.smtpUrl) {
    const smtp = createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom, logger });
    return { mailer: smtp, devMailbox: undefined, close: async () => smtp.close() };
  }
  if (config.nodeEnv === 'production') {
    logger.warn('SMTP_URL is not set: mail is only stored in the database (dev_mailbox) and never delivered');
  }
  const devMailbox = createDevMailbox(deps.db);
  return { mailer: devMailbox, devMailbox, close: async () => {} };
}
