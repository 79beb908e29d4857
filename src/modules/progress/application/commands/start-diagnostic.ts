import type { Actor } from '../../../assessment/index.ts';
import { NotEnrolledError, TrackNotFoundError } from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { startRequest } from '../start-input.ts';

/**
 * The one-time diagnostic with the track's current settings. Parallel starts wait for each other
 * (the enrollment is held), so they all get the one attempt; once it is finished assessment
 * refuses another (409 `assessment.diagnostic_already_taken`).
 */
export function startDiagnostic(deps: ProgressDeps): ProgressUseCases['startDiagnostic'] {
  return async (actor: Actor, trackSlug: string) => {
    const track = await deps.tracks.outline(trackSlug);
    if (!track) throw new TrackNotFoundError();
    const now = deps.clock.now();
    const started = await deps.uow.run(async (repositories) => {
      const enrollment = await repositories.enrollments.holdForStart(actor.id, track.id);
      if (!enrollment) throw new NotEnrolledError();
      const request = await startRequest(
        repositories,
        enrollment,
        track,
        { kind: 'diagnostic', trackId: track.id },
        undefined,
        now,
      );
      return repositories.starter.start(request);
    });
    return { attemptId: started.attemptId, created: started.created };
  };
}
