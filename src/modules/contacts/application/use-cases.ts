import { makeGetContactRequest, makeListContactRequests, makeSetContactStatus } from './manage-contact-requests.ts';
import type { ClientHasher, ContactReads, ContactsUnitOfWork, IdGenerator } from './ports.ts';
import { makeSubmitContactRequest } from './submit-contact-request.ts';

export type ContactsDeps = Readonly<{
  uow: ContactsUnitOfWork;
  reads: ContactReads;
  hashClient: ClientHasher;
  newId: IdGenerator;
}>;

export function createContactsUseCases(deps: ContactsDeps) {
  return {
    submit: makeSubmitContactRequest(deps),
    list: makeListContactRequests(deps),
    get: makeGetContactRequest(deps),
    setStatus: makeSetContactStatus(deps),
  };
}

export type ContactsUseCases = ReturnType<typeof createContactsUseCases>;
