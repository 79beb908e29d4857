import type { AuditLog } from '../application/audit.ts';
import type { Tx } from './db/unit-of-work.ts';

/**
 * Lets any module's unit of work write audit events in its own transaction: `bind` gives the
 * log for that transaction, `committed` sends its events to the structured log once the
 * transaction has committed (so the log never tells of changes that rolled back).
 */
export type AuditTrail = {
  begin(): { bind(tx: Tx): AuditLog; committed(): void };
};
