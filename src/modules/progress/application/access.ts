import type { Actor } from '../../assessment/index.ts';
import { ProgressForbiddenError } from '../domain/errors.ts';

/** Admins and the owner manage enrollments (extra time, the staff list); moderators do not. */
export function assertManagesEnrollments(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'owner') throw new ProgressForbiddenError();
}
