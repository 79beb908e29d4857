import { attemptResult } from '../attempt-results.ts';
import type { AssessmentUseCases, AttemptResult } from '../contract.ts';
import { gradeLockedAttempt } from '../grade-attempt.ts';
import { ownedAttempt } from '../owned-attempt.ts';
import type { AssessmentDeps } from '../ports.ts';

/**
 * Idempotent: the row is locked for update, the first caller grades it, and every caller —
 * concurrent or later — reads the same stored result.
 */
export function finishAttempt(deps: AssessmentDeps): AssessmentUseCases['finish'] {
  return (actor, attemptId) =>
    deps.uow.run(async (repositories) => {
      const { attempts, tracks } = repositories;
      const locked = await ownedAttempt(actor, attemptId, (id) => attempts.lock(id, 'update'));
      const record =
        locked.status === 'in_progress' ? await gradeLockedAttempt(repositories, locked, deps.now()) : locked;
      const outline = await tracks.outline(record.trackId);
      const titles = new Map((outline?.modules ?? []).map((module) => [module.id, module.title]));
      const result = attemptResult(record, await attempts.moduleResults(record.id), titles);
      if (!result) throw new Error(`attempt ${record.id} has no result after finishing`);
      return result satisfies AttemptResult;
    });
}
