import type { Actor } from '../../../assessment/index.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { summarizeAll } from '../summaries.ts';

/** The actor's own enrollments with their current stage and progress. */
export function listEnrollments(deps: ProgressDeps): ProgressUseCases['listEnrollments'] {
  return async (actor: Actor) => summarizeAll(deps, await deps.reads.enrollmentsOf(actor.id));
}
