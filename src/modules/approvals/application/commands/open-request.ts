import type { ApprovalRequests } from '../../../progress/index.ts';
import { APPROVAL_DECIDED, APPROVAL_REQUESTED } from '../../domain/decision.ts';
import type { ApprovalsTx } from '../ports.ts';

/**
 * Opens a request inside progress's transaction (the pass that earned it and the request commit
 * together). With `required = false` it is stored approved at once — automatic, decided by nobody —
 * and audited; the caller applies the approved transition itself in the same transaction.
 */
export function makeApprovalRequests(
  tx: Pick<ApprovalsTx, 'requests' | 'outbox' | 'audit'>,
  newId: (at: Date) => string,
): ApprovalRequests {
  return {
    async open(request) {
      const id = newId(request.at);
      const automatic = !request.required;
      await tx.requests.insert({
        id,
        userId: request.userId,
        trackId: request.trackId,
        kind: request.kind,
        stageId: request.stageId,
        attemptId: request.attemptId,
        requestedAt: request.at,
        automatic,
      });
      if (automatic) {
        await tx.audit.record({
          at: request.at,
          actorId: null,
          action: 'approval.approved',
          subjectId: id,
          origin: null,
          details: { kind: request.kind, studentId: request.userId, trackId: request.trackId, automatic: true },
        });
      }
      await tx.outbox.add({ type: automatic ? APPROVAL_DECIDED : APPROVAL_REQUESTED, payload: { requestId: id } });
      return { id, status: automatic ? 'approved' : 'pending' };
    },
    lastDecision: (userId, trackId) => tx.requests.lastDecision(userId, trackId),
  };
}
