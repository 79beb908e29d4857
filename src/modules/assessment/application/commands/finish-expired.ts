import type { AssessmentUseCases } from '../contract.ts';
import { gradeLockedAttempt } from '../grade-attempt.ts';
import type { AssessmentDeps } from '../ports.ts';

/**
 * The expiry job: every in-progress attempt past its deadline is finished through the same path
 * as the student's finish, one transaction each. An attempt another transaction holds (its owner
 * finishing or answering) is skipped; it is either finished by then or picked up next run.
 */
export function finishExpired(deps: AssessmentDeps): AssessmentUseCases['finishExpired'] {
  return async (limit = deps.expiryBatch) => {
    const now = deps.now();
    const ids = await deps.reads.attempts.expiredIds(now, limit);
    let finished = 0;
    for (const id of ids) {
      try {
        const done = await deps.uow.run(async (repositories) => {
          const record = await repositories.attempts.lockExpired(id, now);
          if (!record) return false;
          await gradeLockedAttempt(repositories, record, now);
          return true;
        });
        if (done) finished += 1;
      } catch (error) {
        deps.onExpiryFailure(id, error);
      }
    }
    return finished;
  };
}
