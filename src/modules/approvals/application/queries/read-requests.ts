import type { CappedPage } from '../../../../shared/application/capped-total.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { canDecide } from '../../domain/decision.ts';
import { ApprovalNotFoundError, ApprovalsForbiddenError } from '../../domain/errors.ts';
import type { ApprovalStatus, ApprovalView } from '../contract.ts';
import type { ApprovalsDeps } from '../ports.ts';

/** The most a student has in a list of their own requests (one per stage and the final, plus rejections). */
const OWN_REQUESTS_LIMIT = 500;

/** The actor's own requests and their decisions, newest first. */
export async function listMine(deps: ApprovalsDeps, actor: Actor): Promise<readonly ApprovalView[]> {
  const page = await deps.reads.list({ userId: actor.id, limit: OWN_REQUESTS_LIMIT, offset: 0 });
  return [...page.items].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
}

/** One of the actor's own requests; another student's is 404, whoever asks. */
export async function getMine(deps: ApprovalsDeps, actor: Actor, requestId: string): Promise<ApprovalView> {
  const request = isUuid(requestId) ? await deps.reads.byId(requestId.toLowerCase()) : undefined;
  if (!request || request.student.id !== actor.id) throw new ApprovalNotFoundError();
  return request;
}

/** The queue for admins and the owner: pending first (oldest first), then the decided ones. */
export async function list(
  deps: ApprovalsDeps,
  actor: Actor,
  filter: Readonly<{ status?: ApprovalStatus; trackId?: string; limit: number; offset: number }>,
): Promise<CappedPage<ApprovalView>> {
  if (!canDecide(actor.role)) throw new ApprovalsForbiddenError();
  // An unknown track id lists nothing rather than failing in the database.
  if (filter.trackId !== undefined && !isUuid(filter.trackId)) return { items: [], total: 0, totalIsCapped: false };
  return deps.reads.list({
    status: filter.status,
    trackId: filter.trackId?.toLowerCase(),
    limit: filter.limit,
    offset: filter.offset,
  });
}
