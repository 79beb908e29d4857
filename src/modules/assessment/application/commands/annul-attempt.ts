import type { AuditLog } from '../../../../shared/application/audit.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import { checkedAnnulReason } from '../../domain/attempt-rules.ts';
import {
  AssessmentForbiddenError,
  AttemptAlreadyAnnulledError,
  AttemptNotFinishedError,
  AttemptNotFoundError,
  DiagnosticNotAnnullableError,
  InvalidAnnulReasonError,
} from '../../domain/errors.ts';
import { attemptReport } from '../attempt-results.ts';
import type { AssessmentUseCases, AttemptAnnulment } from '../contract.ts';
import type { Annulment, AssessmentDeps, AssessmentRepositories, AttemptRecord } from '../ports.ts';

/**
 * The admin's override: annuls a finished attempt (a technical problem, a rejected pass), which
 * lifts its pass lock or cooldown. Audited; approvals closes a pending request of the attempt.
 */
export function annulAttempt(deps: AssessmentDeps): AssessmentUseCases['annul'] {
  return async (actor, attemptId, rawReason, origin) => {
    if (actor.role !== 'admin' && actor.role !== 'owner') throw new AssessmentForbiddenError();
    const { reason, issues } = checkedAnnulReason(rawReason);
    if (issues.length > 0) throw new InvalidAnnulReasonError(issues);
    return deps.uow.run(async (repositories, audit: AuditLog<'attempt.annulled'>) => {
      const at = deps.now();
      const record = await annulLocked(repositories, attemptId, { reason, by: actor.id, at });
      await audit.record({
        at,
        actorId: actor.id,
        action: 'attempt.annulled',
        subjectId: record.id,
        origin,
        details: { userId: record.userId, trackId: record.trackId, kind: record.kind, status: record.status, reason },
      });
      await repositories.consequences.attemptAnnulled({ attemptId: record.id, reason, by: actor.id, at });
      const annulled = await repositories.attempts.find(record.id);
      if (!annulled) throw new AttemptNotFoundError();
      return attemptReport(annulled, await repositories.attempts.moduleResults(record.id));
    });
  };
}

/** For approvals, in its transaction (a rejected pass): no audit, approvals audits its decision. */
export function attemptAnnulment(repositories: AssessmentRepositories): AttemptAnnulment {
  return {
    async annul(attemptId, annulment) {
      await annulLocked(repositories, attemptId, annulment);
    },
  };
}

/** Locks and annuls a finished attempt; returns the row as it was before. */
async function annulLocked(
  { attempts }: AssessmentRepositories,
  attemptId: string,
  annulment: Annulment,
): Promise<AttemptRecord> {
  const record = isUuid(attemptId) ? await attempts.lock(attemptId.toLowerCase(), 'update') : undefined;
  if (!record) throw new AttemptNotFoundError();
  if (record.status === 'in_progress') throw new AttemptNotFinishedError();
  if (record.status === 'annulled') throw new AttemptAlreadyAnnulledError();
  if (record.kind === 'diagnostic') throw new DiagnosticNotAnnullableError();
  await attempts.annul(record.id, annulment);
  return record;
}
