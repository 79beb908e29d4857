import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor, AttemptScope } from '../../../assessment/index.ts';
import { canDecide } from '../../domain/decision.ts';
import { ApprovalNotFoundError, ApprovalsForbiddenError } from '../../domain/errors.ts';
import type { ApprovalView, Dossier } from '../contract.ts';
import type { ApprovalsDeps } from '../ports.ts';

/** The most earlier decisions shown with a dossier. */
const HISTORY_LIMIT = 100;

/**
 * The evidence an admin decides from: the student's attempts for the stage (or the final), their
 * mastery per module, the stage's articles (every stage's for a graduation), the enrollment and
 * the earlier decisions on the same track.
 */
export async function dossier(deps: ApprovalsDeps, actor: Actor, requestId: string): Promise<Dossier> {
  if (!canDecide(actor.role)) throw new ApprovalsForbiddenError();
  const request = isUuid(requestId) ? await deps.reads.byId(requestId.toLowerCase()) : undefined;
  if (!request) throw new ApprovalNotFoundError();
  const userId = request.student.id;
  const trackId = request.track.id;
  const scope: AttemptScope =
    request.kind === 'stage_transition' && request.stage
      ? { kind: 'level_exam', trackId, stageId: request.stage.id }
      : { kind: 'rank_final', trackId };
  const { attempts, progress } = deps.dossierSources;
  const [attemptReports, mastery, articles, enrollment, earlier] = await Promise.all([
    attempts.forScope(userId, scope),
    progress.mastery(userId, trackId),
    progress.assignments(userId, trackId, request.kind === 'stage_transition' ? (request.stage?.id ?? null) : null),
    progress.enrollment(userId, trackId),
    deps.reads.list({ userId, trackId, limit: HISTORY_LIMIT, offset: 0 }),
  ]);
  const history: ApprovalView[] = earlier.items
    .filter((other) => other.id !== request.id)
    .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
  return { request, attempts: attemptReports, mastery, articles, enrollment: enrollment ?? null, history };
}
