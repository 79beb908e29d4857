import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export const MAINTENANCE_CLEANUP_QUEUE = 'maintenance.cleanup';
export const MAINTENANCE_CLEANUP_CRON = '*/15 * * * *';

export type CleanupResult = { expiredIdempotencyKeys: number; deliveredOutboxEvents: number };

/** Deletes idempotency keys past their expiry and outbox events delivered longer ago than the retention. */
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
    return {
      expiredIdempotencyKeys: Number(keys.numDeletedRows),
      deliveredOutboxEvents: Number(events.numDeletedRows),
    };
  };
}
