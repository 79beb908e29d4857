import type { AnnulmentConsequences } from '../../../assessment/index.ts';
import { APPROVAL_DECIDED, MAX_COMMENT_LENGTH } from '../../domain/decision.ts';
import { AttemptAlreadyApprovedError } from '../../domain/errors.ts';
import type { ApprovalsTx } from '../ports.ts';

/**
 * Called in assessment's transaction after an admin annuls an attempt. A pending request the
 * attempt earned is rejected with the annulment's reason (the stage opens again, the student is
 * told); an approved one refuses the annulment, which then rolls back as a whole.
 */
export function makeAnnulmentConsequences(
  tx: Pick<ApprovalsTx, 'requests' | 'outbox' | 'audit' | 'decisions'>,
): AnnulmentConsequences {
  return {
    async attemptAnnulled({ attemptId, reason, by, at }) {
      const request = await tx.requests.lockByAttempt(attemptId);
      if (!request || request.status === 'rejected') return;
      if (request.status === 'approved') throw new AttemptAlreadyApprovedError();
      const comment = [...reason.trim()].slice(0, MAX_COMMENT_LENGTH).join('');
      await tx.requests.decide(request.id, { status: 'rejected', by, at, comment });
      await tx.decisions.rejected({
        userId: request.userId,
        trackId: request.trackId,
        kind: request.kind,
        stageId: request.stageId,
        at,
      });
      await tx.audit.record({
        at,
        actorId: by,
        action: 'approval.rejected',
        subjectId: request.id,
        origin: null,
        details: { kind: request.kind, studentId: request.userId, attemptId, cause: 'attempt_annulled' },
      });
      await tx.outbox.add({ type: APPROVAL_DECIDED, payload: { requestId: request.id } });
    },
  };
}
