import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { ArticleNotAssignedError, NoMinitestError, NotEnrolledError } from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { startRequest } from '../start-input.ts';

/** A mini-test of an article assigned in the active stage, with the stage's pinned settings. */
export function startMinitest(deps: ProgressDeps): ProgressUseCases['startMinitest'] {
  return async (actor: Actor, articleId: string) => {
    if (!isUuid(articleId)) throw new ArticleNotAssignedError();
    const id = articleId.toLowerCase();
    const now = deps.clock.now();
    const started = await deps.uow.run(async (repositories) => {
      const assignment = await repositories.assignments.inOpenStage(actor.id, id);
      if (assignment?.stageStatus !== 'active') throw new ArticleNotAssignedError();
      const enrollment = await repositories.enrollments.holdForStart(actor.id, assignment.trackId);
      const track = await repositories.tracks.outline(assignment.trackId);
      if (!enrollment || !track) throw new NotEnrolledError();
      const article = await repositories.articles.byId(id);
      if (!article || article.minitestSize === 0) throw new NoMinitestError();
      const scope = { kind: 'minitest' as const, trackId: track.id, articleId: id };
      const request = await startRequest(repositories, enrollment, track, scope, assignment.settingsVersion, now);
      return repositories.starter.start(request);
    });
    return { attemptId: started.attemptId, created: started.created };
  };
}
