import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { Mailer } from '../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../shared/application/outbox.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';

export type ContactsModule = AppModule & { outboxHandlers: Record<string, OutboxHandler[]> };

/** The contact form: requests stored, admins emailed through the outbox, handled in the admin panel. */
export function createContactsModule(_deps: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
}): ContactsModule {
  return { outboxHandlers: {} };
}
