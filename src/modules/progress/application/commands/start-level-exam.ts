import type { Actor } from '../../../assessment/index.ts';
import {
  ArticlesNotDoneError,
  DiagnosticRequiredError,
  NotEnrolledError,
  StageNotActiveError,
  StageNotFoundError,
  TrackNotFoundError,
} from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { startRequest } from '../start-input.ts';

/**
 * The level exam of the active stage, with its pinned settings, once every assigned article is
 * done. Assessment refuses a second pass (409) and enforces the cooldown (429).
 */
export function startLevelExam(deps: ProgressDeps): ProgressUseCases['startLevelExam'] {
  return async (actor: Actor, trackSlug: string, stagePosition: number) => {
    const track = await deps.tracks.outline(trackSlug);
    if (!track) throw new TrackNotFoundError();
    const stage = track.stages.find((candidate) => candidate.position === stagePosition);
    if (!stage) throw new StageNotFoundError();
    const now = deps.clock.now();
    const started = await deps.uow.run(async (repositories) => {
      const enrollment = await repositories.enrollments.holdForStart(actor.id, track.id);
      if (!enrollment) throw new NotEnrolledError();
      if (enrollment.status === 'diagnostic') throw new DiagnosticRequiredError();
      const progress = (await repositories.stages.forTrack(actor.id, track.id)).find((row) => row.stageId === stage.id);
      if (progress?.status !== 'active') throw new StageNotActiveError(stagePosition);
      const remaining = (await repositories.assignments.forStage(actor.id, stage.id)).filter((row) => !row.doneAt);
      if (remaining.length > 0) throw new ArticlesNotDoneError(remaining.length);
      const scope = { kind: 'level_exam' as const, trackId: track.id, stageId: stage.id };
      const request = await startRequest(repositories, enrollment, track, scope, progress.settingsVersion, now);
      return repositories.starter.start(request);
    });
    return { attemptId: started.attemptId, created: started.created };
  };
}
