import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export const MAINTENANCE_CLEANUP_QUEUE = 'maintenance.cleanup';
export const MAINTENANCE_CLEANUP_CRON = '*/15 * * * *';

export type CleanupResult = {
  expiredIdempotencyKeys: number;
  deliveredOutboxEvents: number;
  deadOneTimeTokens: number;
  deadSessions: number;
  oldDevMail: number;
  oldMailRecords: number;
};

/** Sessions and one-time tokens stay this long after they end, for support questions. */
const DEAD_CREDENTIAL_RETENTION_DAYS = 30;
const DEV_MAIL_RETENTION_DAYS = 30;

/**
 * Deletes idempotency keys past their expiry, outbox events delivered longer ago than the
 * retention, sessions and one-time tokens long dead, old development mail, and the records of
 * who was mailed for an event (they only guard redelivery, which ends with the event's retention).
 */
export function createMaintenanceCleanup(deps: { db: Db; outboxRetentionDays: number }) {
  return async function cleanUp(): Promise<CleanupResult> {
    const keys = await deps.db
      .deleteFrom('idempotencyKeys')
      .where('expiresAt', '<', sql<Date>`now()`)
      .executeTakeFirst();
    const events = await deps.db
      .deleteFrom('outbox')
      .where('deliveredAt', 'is not', null)
      .where('deliveredAt', '<', sql<Date>`now() - make_interval(days => ${deps.outboxRetentionDays})`)
      .executeTakeFirst();
    const deadline = sql<Date>`now() - make_interval(days => ${DEAD_CREDENTIAL_RETENTION_DAYS})`;
    const tokens = await deps.db.deleteFrom('oneTimeTokens').where('expiresAt', '<', deadline).executeTakeFirst();
    await deps.db.deleteFrom('mfaChallenges').where('expiresAt', '<', deadline).execute();
    const sessions = await deps.db
      .deleteFrom('sessions')
      .where((eb) =>
        // Idle-expired sessions go once their absolute deadline passes too: both are indexed.
        eb.or([eb('absoluteExpiresAt', '<', deadline), eb('revokedAt', '<', deadline)]),
      )
      .executeTakeFirst();
    const mail = await deps.db
      .deleteFrom('devMailbox')
      .where('sentAt', '<', sql<Date>`now() - make_interval(days => ${DEV_MAIL_RETENTION_DAYS})`)
      .executeTakeFirst();
    const mailedBefore = sql<Date>`now() - make_interval(days => ${deps.outboxRetentionDays})`;
    const approvalRecords = await sql`DELETE FROM approval_notifications WHERE sent_at < ${mailedBefore}`.execute(
      deps.db,
    );
    return {
      expiredIdempotencyKeys: Number(keys.numDeletedRows),
      deliveredOutboxEvents: Number(events.numDeletedRows),
      deadOneTimeTokens: Number(tokens.numDeletedRows),
      deadSessions: Number(sessions.numDeletedRows),
      oldDevMail: Number(mail.numDeletedRows),
      oldMailRecords: Number(approvalRecords.numAffectedRows ?? 0),
    };
  };
}
