import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { EnrollmentNotFoundError, ExtraTimeOutOfRangeError, TrackNotFoundError } from '../../domain/errors.ts';
import { assertManagesEnrollments } from '../access.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { enrollmentView } from '../views.ts';

/** Admin/owner: the enrollment's accommodation for timed attempts (0..200 %), audited. */
export function setExtraTime(deps: ProgressDeps): ProgressUseCases['setExtraTime'] {
  return async (actor: Actor, enrollmentId: string, extraTimePercent: number, origin: RequestOrigin) => {
    assertManagesEnrollments(actor);
    if (!Number.isInteger(extraTimePercent) || extraTimePercent < 0 || extraTimePercent > 200) {
      throw new ExtraTimeOutOfRangeError();
    }
    if (!isUuid(enrollmentId)) throw new EnrollmentNotFoundError();
    const now = deps.clock.now();
    const updated = await deps.uow.run(async ({ enrollments, audit }) => {
      const enrollment = await enrollments.lockById(enrollmentId.toLowerCase());
      if (!enrollment) throw new EnrollmentNotFoundError();
      await enrollments.setExtraTime(enrollment.id, extraTimePercent, now);
      await audit.record({
        at: now,
        actorId: actor.id,
        action: 'enrollment.extra_time_set',
        subjectId: enrollment.id,
        origin,
        details: {
          userId: enrollment.userId,
          trackId: enrollment.trackId,
          from: enrollment.extraTimePercent,
          to: extraTimePercent,
        },
      });
      return { ...enrollment, extraTimePercent };
    });
    const track = await deps.tracks.outline(updated.trackId);
    if (!track) throw new TrackNotFoundError();
    return enrollmentView(updated, track);
  };
}
