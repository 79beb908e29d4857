import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import type { ProgressUseCases, StudentArticleState } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';

/** The article page's learning panel: the actor's latest assignment of it, its mini-test attempts. */
export function articleState(deps: ProgressDeps): ProgressUseCases['articleState'] {
  return async (actor: Actor, articleId: string): Promise<StudentArticleState | undefined> => {
    if (!isUuid(articleId)) return undefined;
    const id = articleId.toLowerCase();
    const [latest] = await deps.reads.assignmentsOfArticle(actor.id, id);
    if (!latest) return undefined;
    const [assignments, track, stageRows] = await Promise.all([
      deps.reads.assignments(actor.id, latest.trackId, latest.stageId),
      deps.tracks.outline(latest.trackId),
      deps.reads.stagesOf(actor.id, latest.trackId),
    ]);
    const assignment = assignments.find((candidate) => candidate.article.id === id);
    const stagePosition = track?.stages.find((stage) => stage.id === latest.stageId)?.position;
    const pinned = stageRows.find((row) => row.stageId === latest.stageId)?.settingsVersion;
    if (!assignment || !track || stagePosition === undefined) return undefined;
    const [settings, minitestAttempts] = await Promise.all([
      deps.tracks.settings(track.id, pinned),
      deps.attempts.forScope(actor.id, { kind: 'minitest', trackId: track.id, articleId: id }),
    ]);
    return {
      assignment,
      trackSlug: track.slug,
      stagePosition,
      minitestPassPercent: settings?.params.content.minitestPassPercent ?? 0,
      minitestAttempts,
    };
  };
}
