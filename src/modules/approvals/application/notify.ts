import type { DeliveredEvent, OutboxHandler } from '../../../shared/application/outbox.ts';
import type { Mailer } from '../../../shared/application/mailer.ts';
import { isUuid } from '../../../shared/domain/ids.ts';
import { APPROVAL_DECIDED, APPROVAL_REQUESTED, ENROLLMENT_GRADUATED } from '../domain/decision.ts';
import type {
  ApprovalMailRenderer,
  ApprovalReads,
  MailDirectory,
  MailRecipient,
  NotificationLog,
  RenderedMail,
} from './ports.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The journey's emails. A new request → every active admin and the owner; a decision → the
 * student; a graduation → the student with the certificate link. Each in the recipient's
 * language. The outbox delivers at least once: every recipient reached is recorded under the
 * event's id, so a retried event mails only those not reached yet.
 */
export function makeApprovalMailHandlers(deps: {
  reads: ApprovalReads;
  directory: MailDirectory;
  sent: NotificationLog;
  mailer: Mailer;
  render: ApprovalMailRenderer;
  now: () => Date;
}): Record<string, OutboxHandler[]> {
  const mailEach = async (
    event: DeliveredEvent,
    recipients: readonly MailRecipient[],
    render: (recipient: MailRecipient) => RenderedMail,
  ) => {
    const done = await deps.sent.alreadySent(event.id);
    for (const recipient of recipients) {
      if (done.has(recipient.email)) continue;
      await deps.mailer.send({ to: recipient.email, ...render(recipient) });
      await deps.sent.recordSent(event.id, recipient.email, deps.now());
    }
  };

  const requestOf = async (event: DeliveredEvent) => {
    const requestId = text(event.payload.requestId);
    return isUuid(requestId) ? deps.reads.byId(requestId) : undefined;
  };

  const requested: OutboxHandler = async (event) => {
    const request = await requestOf(event);
    // Decided before the mail went out: nothing is left for the staff to do.
    if (!request || request.status !== 'pending') return;
    await mailEach(event, await deps.directory.staff(), (recipient) => deps.render.requested(recipient, request));
  };

  const decided: OutboxHandler = async (event) => {
    const request = await requestOf(event);
    if (!request || request.status === 'pending') return;
    const student = await deps.directory.user(request.student.id);
    if (!student) return;
    await mailEach(event, [student], (recipient) => deps.render.decided(recipient, request));
  };

  const graduated: OutboxHandler = async (event) => {
    const userId = text(event.payload.userId);
    const trackId = text(event.payload.trackId);
    const certificateCode = text(event.payload.certificateCode);
    if (!isUuid(userId) || !isUuid(trackId) || certificateCode === '') return;
    const [student, track] = await Promise.all([deps.directory.user(userId), deps.directory.track(trackId)]);
    if (!student || !track) return;
    await mailEach(event, [student], (recipient) =>
      deps.render.graduated(recipient, { trackTitle: track.title, trackSlug: track.slug, certificateCode }),
    );
  };

  return {
    [APPROVAL_REQUESTED]: [requested],
    [APPROVAL_DECIDED]: [decided],
    [ENROLLMENT_GRADUATED]: [graduated],
  };
}
