import { sql } from 'kysely';
import { LIST_TOTAL_CAP } from '../../../shared/application/capped-total.ts';
import { cappedCount } from '../../../shared/infrastructure/db/capped-count.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { ApprovalFilter, ApprovalReads } from '../application/ports.ts';
import type { ApprovalView } from '../application/contract.ts';

/**
 * Requests with what a reader needs about them: student, track, stage, the attempt's score, the
 * decider. `totalCap`: where the list's counts stop (tests lower it).
 */
export function createApprovalReads(db: Db, { totalCap = LIST_TOTAL_CAP } = {}): ApprovalReads {
  const base = () =>
    db
      .selectFrom('approvalRequests as r')
      .innerJoin('users as student', 'student.id', 'r.userId')
      .innerJoin('tracks as track', 'track.id', 'r.trackId')
      .innerJoin('attempts as attempt', 'attempt.id', 'r.attemptId')
      .leftJoin('stages as stage', 'stage.id', 'r.stageId')
      .leftJoin('users as decider', 'decider.id', 'r.decidedBy')
      .select([
        'r.id',
        'r.kind',
        'r.status',
        'r.attemptId',
        'r.requestedAt',
        'r.decidedAt',
        'r.automatic',
        'r.comment',
        'student.id as studentId',
        'student.displayName as studentName',
        'student.email as studentEmail',
        'track.id as trackId',
        'track.slug as trackSlug',
        'track.title as trackTitle',
        'stage.id as stageId',
        'stage.position as stagePosition',
        'stage.title as stageTitle',
        'attempt.score',
        'decider.id as deciderId',
        'decider.displayName as deciderName',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toView = (row: Row): ApprovalView => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    student: { id: row.studentId, displayName: row.studentName, email: row.studentEmail },
    track: { id: row.trackId, slug: row.trackSlug, title: row.trackTitle },
    stage:
      row.stageId !== null && row.stagePosition !== null && row.stageTitle !== null
        ? { id: row.stageId, position: row.stagePosition, title: row.stageTitle }
        : null,
    attemptId: row.attemptId,
    score: row.score === null ? 0 : Number(row.score),
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    decidedBy:
      row.deciderId !== null && row.deciderName !== null ? { id: row.deciderId, displayName: row.deciderName } : null,
    automatic: row.automatic,
    comment: row.comment,
  });

  /** The filter's track and student (the status is each query's own). */
  const matching = (filter: ApprovalFilter) => {
    const conditions = [
      ...(filter.trackId ? [sql`r.track_id = ${filter.trackId}`] : []),
      ...(filter.userId ? [sql`r.user_id = ${filter.userId}`] : []),
    ];
    return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
  };
  /** The queue, longest waiting first: approval_requests_queue_idx (status, requested_at, id) in order. */
  const pending = (filter: ApprovalFilter) =>
    base().where(matching(filter)).where('r.status', '=', 'pending').orderBy('r.requestedAt').orderBy('r.id');
  /** The latest decisions first: approval_requests_decided_idx (decided_at DESC, id) in order. */
  const decided = (filter: ApprovalFilter) =>
    base()
      .where(matching(filter))
      .where(filter.status ? sql<boolean>`r.status = ${filter.status}` : sql<boolean>`r.status <> 'pending'`)
      .orderBy('r.decidedAt', 'desc')
      .orderBy('r.id');

  return {
    async byId(id) {
      const row = await base().where('r.id', '=', id).executeTakeFirst();
      return row ? toView(row) : undefined;
    },

    /**
     * Pending first, then decided. Each part is read in the order of its own index and stops
     * after the page, so a page costs the same with 10 or 100,000 requests. The counts stop
     * early too: pending ones are counted exactly as far as the page needs (to know where the
     * decided part starts), decided ones up to `totalCap`.
     */
    async list(filter) {
      const { limit, offset } = filter;
      const end = offset + limit;
      const wantsPending = filter.status === undefined || filter.status === 'pending';
      const wantsDecided = filter.status !== 'pending';
      const pendingCap = Math.max(totalCap, end + 1);
      const pendingRows = db
        .selectFrom('approvalRequests as r')
        .where(matching(filter))
        .where('r.status', '=', 'pending');
      const pendingCount = wantsPending ? await cappedCount(db, pendingRows, pendingCap) : 0;
      if (pendingCount >= pendingCap) {
        // More pending requests than the page reaches: the page is all pending, the total a floor.
        const items = await pending(filter).limit(limit).offset(offset).execute();
        return { items: items.map(toView), total: pendingCount, totalIsCapped: true };
      }
      const decidedRows = db
        .selectFrom('approvalRequests as r')
        .where(matching(filter))
        .where(filter.status ? sql<boolean>`r.status = ${filter.status}` : sql<boolean>`r.status <> 'pending'`);
      const decidedCount = wantsDecided ? await cappedCount(db, decidedRows, totalCap) : 0;
      const [first, second] = await Promise.all([
        offset < pendingCount
          ? pending(filter)
              .limit(Math.min(end, pendingCount) - offset)
              .offset(offset)
              .execute()
          : [],
        end > pendingCount && decidedCount > 0
          ? decided(filter)
              .limit(end - Math.max(offset, pendingCount))
              .offset(Math.max(0, offset - pendingCount))
              .execute()
          : [],
      ]);
      return {
        items: [...first, ...second].map(toView),
        total: pendingCount + decidedCount,
        totalIsCapped: decidedCount >= totalCap,
      };
    },
  };
}
