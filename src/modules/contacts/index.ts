import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { Mailer } from '../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../shared/application/outbox.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import { createStaffRecipients } from '../identity/index.ts';
import { makeContactMailHandlers } from './application/notify-staff.ts';
import type { StaffRecipients } from './application/ports.ts';
import { type ContactsUseCases, createContactsUseCases } from './application/use-cases.ts';
import { createContactMailRenderer } from './http/mail-templates.tsx';
import { contactsPages } from './http/pages/contact-pages.tsx';
import { adminContactRoutes, publicContactRoutes } from './http/routes.ts';
import { createClientHasher } from './infrastructure/client-hasher.ts';
import { createContactReads, createNotificationLog } from './infrastructure/contact-requests.repository.ts';
import { createContactsUnitOfWork } from './infrastructure/contacts-unit-of-work.ts';

export type { ContactsUseCases };

export type ContactsModule = AppModule & {
  useCases: ContactsUseCases;
  outboxHandlers: Record<string, OutboxHandler[]>;
};

/** The contact form: requests stored, admins emailed through the outbox, handled in the admin panel. */
export function createContactsModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  /** Who is mailed about a new request; by default identity's active admins and owner. */
  staffRecipients?: StaffRecipients;
}): ContactsModule {
  const reads = createContactReads(deps.db);
  const useCases = createContactsUseCases({
    uow: createContactsUnitOfWork(deps.db),
    reads,
    hashClient: createClientHasher(deps.config.jwtSecret),
    newId: () => uuidV7(deps.clock.now().getTime()),
  });
  const outboxHandlers = makeContactMailHandlers({
    reads,
    staff: deps.staffRecipients ?? createStaffRecipients(deps.db),
    sent: createNotificationLog(deps.db),
    mailer: deps.mailer,
    render: createContactMailRenderer(deps.config.baseUrl),
    clock: deps.clock,
  });
  const routeDeps = { useCases, clock: deps.clock };
  return {
    useCases,
    outboxHandlers,
    routes: async (app: FastifyInstance) => {
      await app.register(publicContactRoutes(routeDeps));
      await app.register(adminContactRoutes(routeDeps));
    },
    pages: async (app, pagesDeps) => contactsPages(app, { ...pagesDeps, ...routeDeps }),
  };
}
