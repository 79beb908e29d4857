import type { Clock } from '../../../shared/application/clock.ts';
import type { Mailer } from '../../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../../shared/application/outbox.ts';
import { isUuid } from '../../../shared/domain/ids.ts';
import type { ContactMailRenderer, ContactReads, NotificationLog, StaffRecipients } from './ports.ts';
import { CONTACT_RECEIVED } from './submit-contact-request.ts';

/**
 * Mails every active admin and the owner, each in their own language, about a new request.
 * The outbox delivers at least once: each recipient reached is recorded, so a retry (after the
 * mail server refused one of them) mails only the others. A request gone meanwhile mails nobody.
 */
export function makeContactMailHandlers(deps: {
  reads: ContactReads;
  staff: StaffRecipients;
  sent: NotificationLog;
  mailer: Mailer;
  render: ContactMailRenderer;
  clock: Clock;
}): Record<string, OutboxHandler[]> {
  const notify: OutboxHandler = async (event) => {
    const requestId = typeof event.payload.requestId === 'string' ? event.payload.requestId : '';
    if (!isUuid(requestId)) return;
    const request = await deps.reads.byId(requestId);
    if (!request) return;
    const [recipients, done] = await Promise.all([deps.staff.list(), deps.sent.alreadySent(requestId)]);
    for (const recipient of recipients) {
      if (done.has(recipient.email)) continue;
      await deps.mailer.send({ to: recipient.email, ...deps.render(recipient, request) });
      await deps.sent.recordSent(requestId, recipient.email, deps.clock.now());
    }
  };
  return { [CONTACT_RECEIVED]: [notify] };
}
