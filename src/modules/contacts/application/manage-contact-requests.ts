import { isUuid } from '../../../shared/domain/ids.ts';
import { canManageContacts, type ContactRequest, type ContactStatus } from '../domain/contact-request.ts';
import { ContactRequestNotFoundError, ContactsForbiddenError } from '../domain/errors.ts';
import type { ContactListFilter, ContactReads, ContactsActor, ContactsUnitOfWork, Page } from './ports.ts';

function authorize(actor: ContactsActor): void {
  if (!canManageContacts(actor.role)) throw new ContactsForbiddenError();
}

/** Requests newest first, by status and by a part of the name or address (admins and the owner). */
export function makeListContactRequests(deps: { reads: ContactReads }) {
  return async (input: { actor: ContactsActor; filter: ContactListFilter }): Promise<Page<ContactRequest>> => {
    authorize(input.actor);
    const q = input.filter.q?.trim();
    // PostgreSQL text holds no U+0000: such a search matches nothing.
    if (q?.includes('\u0000')) return { items: [], total: 0 };
    return deps.reads.list({ ...input.filter, q: q || undefined });
  };
}

export function makeGetContactRequest(deps: { reads: ContactReads }) {
  return async (input: { actor: ContactsActor; requestId: string }): Promise<ContactRequest> => {
    authorize(input.actor);
    const request = isUuid(input.requestId) ? await deps.reads.byId(input.requestId) : undefined;
    if (!request) throw new ContactRequestNotFoundError();
    return request;
  };
}

/**
 * Marks a request handled (recording who and when) or reopens it (forgetting both). Setting the
 * status it already has changes nothing: the first handler and time are kept.
 */
export function makeSetContactStatus(deps: { uow: ContactsUnitOfWork; reads: ContactReads }) {
  return async (input: {
    actor: ContactsActor;
    requestId: string;
    status: ContactStatus;
    now: Date;
  }): Promise<ContactRequest> => {
    authorize(input.actor);
    if (!isUuid(input.requestId)) throw new ContactRequestNotFoundError();
    await deps.uow.run(async (tx) => {
      const current = await tx.requests.lockStatus(input.requestId);
      if (current === undefined) throw new ContactRequestNotFoundError();
      if (current === input.status) return;
      if (input.status === 'handled') await tx.requests.markHandled(input.requestId, input.actor.id, input.now);
      else await tx.requests.reopen(input.requestId);
    });
    const request = await deps.reads.byId(input.requestId);
    if (!request) throw new ContactRequestNotFoundError();
    return request;
  };
}
