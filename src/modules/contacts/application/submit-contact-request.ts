import { RateLimitedError } from '../../../shared/domain/errors.ts';
import { CONTACT_RATE_LIMITS, type ContactLocale, isBot, validateContactInput } from '../domain/contact-request.ts';
import type { ClientHasher, ContactsUnitOfWork, IdGenerator } from './ports.ts';

export const CONTACT_RECEIVED = 'contact.received';

export type SubmitContactRequest = Readonly<{
  name: string;
  email: string;
  message: string;
  /** The honeypot: people never see it, bots fill it in. */
  website?: string | undefined;
  locale: ContactLocale;
  /** The client's address: hashed for the rate limit, never stored. */
  ip: string;
  now: Date;
}>;

/** `stored`: saved and staff will be mailed; `trapped`: a bot filled the honeypot (nothing kept). */
export type SubmitOutcome = Readonly<{ outcome: 'stored'; id: string } | { outcome: 'trapped' }>;

/**
 * A visitor's message: checked field by field, rate-limited per client and overall, then stored
 * with its `contact.received` event in one transaction (the outbox mails the staff).
 */
export function makeSubmitContactRequest(deps: {
  uow: ContactsUnitOfWork;
  hashClient: ClientHasher;
  newId: IdGenerator;
}) {
  return async (input: SubmitContactRequest): Promise<SubmitOutcome> => {
    // A bot gets the answer a person would, so it learns nothing about the trap.
    if (isBot(input.website)) return { outcome: 'trapped' };
    const valid = validateContactInput(input);
    const clientHash = deps.hashClient(input.ip);
    return deps.uow.run(async (tx) => {
      await tx.requests.lockSubmissions();
      const waits: Date[] = [];
      for (const window of CONTACT_RATE_LIMITS.perClient) {
        const until = await tx.requests.windowFullUntil(window, input.now, clientHash);
        if (until) waits.push(until);
      }
      for (const window of CONTACT_RATE_LIMITS.global) {
        const until = await tx.requests.windowFullUntil(window, input.now);
        if (until) waits.push(until);
      }
      if (waits.length > 0) {
        const latest = Math.max(...waits.map((date) => date.getTime()));
        throw new RateLimitedError(Math.max(1, Math.ceil((latest - input.now.getTime()) / 1000)));
      }
      const id = deps.newId();
      await tx.requests.insert({ id, ...valid, locale: input.locale, clientHash, createdAt: input.now });
      // Only the id: the personal data stays in its table, which the handler reads.
      await tx.outbox.add({ type: CONTACT_RECEIVED, payload: { requestId: id } });
      return { outcome: 'stored', id };
    });
  };
}
