import type { Mailer } from '../../application/mailer.ts';
import type { Db } from '../db/database.ts';
import { isUuid } from '../../domain/ids.ts';

export type DevMail = Readonly<{ id: string; to: string; subject: string; text: string; html: string; sentAt: Date }>;

/** Mail kept in the database instead of being delivered; read back at /dev/mail and by tests. */
export type DevMailbox = Mailer & {
  /** The newest `limit` messages, newest first. */
  list(limit: number): Promise<DevMail[]>;
  byId(id: string): Promise<DevMail | undefined>;
};

export function createDevMailbox(db: Db): DevMailbox {
  const columns = ['id', 'toAddress as to', 'subject', 'textBody as text', 'htmlBody as html', 'sentAt'] as const;
  return {
    async send(message) {
      await db
        .insertInto('devMailbox')
        .values({ toAddress: message.to, subject: message.subject, textBody: message.text, htmlBody: message.html })
        .execute();
    },
    async list(limit) {
      return db.selectFrom('devMailbox').select(columns).orderBy('sentAt', 'desc').orderBy('id').limit(limit).execute();
    },
    async byId(id) {
      // Anything but a UUID is simply not there (rather than a PostgreSQL cast error).
      if (!isUuid(id)) return undefined;
      return db.selectFrom('devMailbox').select(columns).where('id', '=', id).executeTakeFirst();
    },
  };
}
