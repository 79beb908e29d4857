import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { AlreadyRequestedError } from '../domain/errors.ts';
import type { ApprovalRecord, ApprovalRepository } from '../application/ports.ts';

const RECORD_COLUMNS = ['id', 'userId', 'trackId', 'kind', 'stageId', 'attemptId', 'status'] as const;

/** Approval request writes in one transaction (ours, or progress's and assessment's through the ports). */
export function createApprovalRepository(tx: Tx): ApprovalRepository {
  return {
    async insert(record) {
      await translateConstraintErrors(
        tx
          .insertInto('approvalRequests')
          .values({
            id: record.id,
            userId: record.userId,
            trackId: record.trackId,
            kind: record.kind,
            stageId: record.stageId,
            attemptId: record.attemptId,
            requestedAt: record.requestedAt,
            ...(record.automatic
              ? { status: 'approved', automatic: true, decidedAt: record.requestedAt, decidedBy: null }
              : { status: 'pending' }),
          })
          .execute(),
        {
          approval_requests_one_pending_key: () => new AlreadyRequestedError(),
          approval_requests_attempt_key: () => new AlreadyRequestedError(),
        },
      );
    },

    async lockById(id): Promise<ApprovalRecord | undefined> {
      const request = await tx
        .selectFrom('approvalRequests')
        .select('attemptId')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!request) return undefined;
      // The attempt first, then its request: the order an admin's annulment takes them in (it
      // locks the attempt, then closes its request), so a rejection racing it cannot deadlock.
      await tx.selectFrom('attempts').select('id').where('id', '=', request.attemptId).forUpdate().execute();
      return tx
        .selectFrom('approvalRequests')
        .select(RECORD_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async lockByAttempt(attemptId): Promise<ApprovalRecord | undefined> {
      return tx
        .selectFrom('approvalRequests')
        .select(RECORD_COLUMNS)
        .where('attemptId', '=', attemptId)
        .forUpdate()
        .executeTakeFirst();
    },

    async decide(id, decision) {
      await tx
        .updateTable('approvalRequests')
        .set({ status: decision.status, decidedBy: decision.by, decidedAt: decision.at, comment: decision.comment })
        .where('id', '=', id)
        .execute();
    },

    async lastDecision(userId, trackId) {
      const row = await tx
        .selectFrom('approvalRequests')
        .select(['status', 'comment', 'decidedAt'])
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .where('status', '<>', 'pending')
        .orderBy('decidedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row || row.status === 'pending' || row.decidedAt === null) return undefined;
      return { status: row.status, comment: row.comment, decidedAt: row.decidedAt };
    },
  };
}
