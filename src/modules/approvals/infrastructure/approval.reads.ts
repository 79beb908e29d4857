import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { ApprovalReads } from '../application/ports.ts';
import type { ApprovalView } from '../application/contract.ts';

/** Requests with what a reader needs about them: student, track, stage, the attempt's score, the decider. */
export function createApprovalReads(db: Db): ApprovalReads {
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

  return {
    async byId(id) {
      const row = await base().where('r.id', '=', id).executeTakeFirst();
      return row ? toView(row) : undefined;
    },

    async list(filter) {
      let query = base();
      let count = db.selectFrom('approvalRequests as r');
      if (filter.status) {
        query = query.where('r.status', '=', filter.status);
        count = count.where('r.status', '=', filter.status);
      }
      if (filter.trackId) {
        query = query.where('r.trackId', '=', filter.trackId);
        count = count.where('r.trackId', '=', filter.trackId);
      }
      if (filter.userId) {
        query = query.where('r.userId', '=', filter.userId);
        count = count.where('r.userId', '=', filter.userId);
      }
      const [rows, total] = await Promise.all([
        query
          // Pending first, the longest waiting on top; then the latest decisions.
          .orderBy(sql`CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END`)
          .orderBy(sql`CASE WHEN r.status = 'pending' THEN r.requested_at END`, 'asc')
          .orderBy('r.decidedAt', 'desc')
          .orderBy('r.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        count.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toView), total: Number(total.total) };
    },
  };
}
