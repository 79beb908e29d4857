import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { ArticleNotAssignedError } from '../../domain/errors.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';

/**
 * Marks the article's assignment in the open stage read; it is done at once without a mini-test,
 * or when a mini-test of it has already been passed. Articles of completed stages stay as they were.
 */
export function openArticle(deps: ProgressDeps): ProgressUseCases['openArticle'] {
  return async (actor: Actor, articleId: string) => {
    if (!isUuid(articleId)) throw new ArticleNotAssignedError();
    const id = articleId.toLowerCase();
    const now = deps.clock.now();
    await deps.uow.run(async ({ assignments, articles, attempts }) => {
      // Locked first: a mini-test finishing meanwhile then sees this open, or we see its pass.
      const assignment = await assignments.lockInOpenStage(actor.id, id);
      if (!assignment) {
        if (await assignments.everAssigned(actor.id, id)) return;
        throw new ArticleNotAssignedError();
      }
      if (assignment.doneAt) return;
      const article = await articles.byId(id);
      const needsMinitest = (article?.minitestSize ?? 0) > 0;
      const passed =
        needsMinitest &&
        (await attempts.forScope(actor.id, { kind: 'minitest', trackId: assignment.trackId, articleId: id })).some(
          (attempt) => attempt.status === 'passed',
        );
      await assignments.markOpened(actor.id, assignment.stageId, id, now, !needsMinitest || passed);
    });
  };
}
