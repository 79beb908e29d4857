import type { Actor } from '../../../assessment/index.ts';
import { TrackNotFoundError } from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { enrollmentView } from '../views.ts';

/** Enrolls the actor in a published track; enrolling again (or in parallel) returns the one enrollment. */
export function enroll(deps: ProgressDeps): ProgressUseCases['enroll'] {
  return async (actor: Actor, trackSlug: string) => {
    const track = await deps.tracks.outline(trackSlug);
    if (!track || track.status !== 'published') throw new TrackNotFoundError();
    const now = deps.clock.now();
    const { enrollment, created } = await deps.uow.run(({ enrollments }) =>
      enrollments.insertIfAbsent({ id: deps.newId(), userId: actor.id, trackId: track.id, now }),
    );
    return { enrollment: enrollmentView(enrollment, track), created };
  };
}
