import type { Actor } from '../../../assessment/index.ts';
import { NotEnrolledError, StagesNotCompletedError, TrackNotFoundError } from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { startRequest } from '../start-input.ts';

/**
 * The rank final, with the track's current settings, once every stage is completed (enrollment
 * in its final; after graduation assessment refuses it as already passed).
 */
export function startRankFinal(deps: ProgressDeps): ProgressUseCases['startRankFinal'] {
  return async (actor: Actor, trackSlug: string) => {
    const track = await deps.tracks.outline(trackSlug);
    if (!track) throw new TrackNotFoundError();
    const now = deps.clock.now();
    const started = await deps.uow.run(async (repositories) => {
      const enrollment = await repositories.enrollments.holdForStart(actor.id, track.id);
      if (!enrollment) throw new NotEnrolledError();
      if (enrollment.status === 'diagnostic' || enrollment.status === 'learning') throw new StagesNotCompletedError();
      const scope = { kind: 'rank_final' as const, trackId: track.id };
      return repositories.starter.start(await startRequest(repositories, enrollment, track, scope, undefined, now));
    });
    return { attemptId: started.attemptId, created: started.created };
  };
}
