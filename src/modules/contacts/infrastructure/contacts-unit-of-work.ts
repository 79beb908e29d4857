import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { createUnitOfWork } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../../shared/infrastructure/jobs/outbox.ts';
import type { ContactsUnitOfWork } from '../application/ports.ts';
import { createContactRequestRepository } from './contact-requests.repository.ts';

/** One transaction per run: the request and its `contact.received` event commit together. */
export function createContactsUnitOfWork(db: Db): ContactsUnitOfWork {
  return createUnitOfWork(db, (tx) => ({ requests: createContactRequestRepository(tx), outbox: createOutbox(tx) }));
}
