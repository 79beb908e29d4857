import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { APPROVAL_DECIDED, canDecide, checkComment } from '../../domain/decision.ts';
import {
  AlreadyDecidedError,
  ApprovalNotFoundError,
  ApprovalsForbiddenError,
  CommentRequiredError,
  CommentTooLongError,
} from '../../domain/errors.ts';
import type { ApprovalView } from '../contract.ts';
import type { ApprovalsDeps } from '../ports.ts';

type Verdict = 'approved' | 'rejected';

/**
 * Approves or rejects a pending request. The row is locked first, so of parallel decisions one
 * wins and the others find it decided (409). Approval moves the journey on; rejection annuls the
 * attempt that earned the request and opens the stage (or the final) again. Audited; the student
 * is emailed through the outbox.
 */
export async function decide(
  deps: ApprovalsDeps,
  input: Readonly<{
    actor: Actor;
    requestId: string;
    verdict: Verdict;
    comment: string | null;
    origin: RequestOrigin | null;
  }>,
): Promise<ApprovalView> {
  const { actor, verdict } = input;
  if (!canDecide(actor.role)) throw new ApprovalsForbiddenError();
  const checked = checkComment(input.comment, verdict === 'rejected');
  if (!checked.ok) throw checked.reason === 'required' ? new CommentRequiredError() : new CommentTooLongError();
  if (!isUuid(input.requestId)) throw new ApprovalNotFoundError();
  const requestId = input.requestId.toLowerCase();
  const at = deps.now();
  await deps.uow.run(async (tx) => {
    const request = await tx.requests.lockById(requestId);
    if (!request) throw new ApprovalNotFoundError();
    if (request.status !== 'pending') throw new AlreadyDecidedError();
    // The request is closed before the attempt is annulled: the annulment's own consequences
    // then find no pending request to reject a second time.
    await tx.requests.decide(request.id, { status: verdict, by: actor.id, at, comment: checked.comment });
    const decision = {
      userId: request.userId,
      trackId: request.trackId,
      kind: request.kind,
      stageId: request.stageId,
      at,
    };
    if (verdict === 'approved') {
      await tx.decisions.approved(decision);
    } else {
      await tx.annulment.annul(request.attemptId, { reason: checked.comment ?? '', by: actor.id, at });
      await tx.decisions.rejected(decision);
    }
    await tx.audit.record({
      at,
      actorId: actor.id,
      action: verdict === 'approved' ? 'approval.approved' : 'approval.rejected',
      subjectId: request.id,
      origin: input.origin,
      details: { kind: request.kind, studentId: request.userId, attemptId: request.attemptId },
    });
    await tx.outbox.add({ type: APPROVAL_DECIDED, payload: { requestId: request.id } });
  });
  const view = await deps.reads.byId(requestId);
  if (!view) throw new ApprovalNotFoundError();
  return view;
}
