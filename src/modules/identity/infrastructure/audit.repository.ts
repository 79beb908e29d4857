import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../../shared/infrastructure/logging.ts';
import { uuidV7 } from '../../../shared/infrastructure/uuid-v7.ts';
import type { AuditEntry } from '../../../shared/domain/audit.ts';
import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { AuditLog } from '../../../shared/application/audit.ts';

/** Audit events go to their table in the use case's transaction; `recorded` collects them for the log. */
export function createAuditLog(tx: Tx, recorded: AuditEntry[]) {
  return {
    async record(entry) {
      await tx
        .insertInto('auditEvents')
        .values({
          id: uuidV7(entry.at.getTime()),
          at: entry.at,
          actorId: entry.actorId,
          action: entry.action,
          subjectId: entry.subjectId,
          ip: entry.origin?.ip ?? null,
          requestId: entry.origin?.requestId ?? null,
          details: JSON.stringify(entry.details ?? {}),
        })
        .execute();
      recorded.push(entry);
    },
  } satisfies AuditLog;
}

/** The structured-log twin of an audit row, written once its transaction has committed. */
export function logAuditEntry(logger: Logger, entry: AuditEntry): void {
  logger.info(
    {
      audit: {
        action: entry.action,
        actorId: entry.actorId,
        subjectId: entry.subjectId,
        ip: entry.origin?.ip ?? null,
        details: entry.details ?? {},
      },
      requestId: entry.origin?.requestId,
    },
    `audit ${entry.action}`,
  );
}

/** The audit log for other modules' transactions (see `AuditTrail`). */
export function createAuditTrail(logger: Logger): AuditTrail {
  return {
    begin() {
      const recorded: AuditEntry[] = [];
      return {
        bind: (tx) => createAuditLog(tx, recorded),
        committed: () => recorded.forEach((entry) => logAuditEntry(logger, entry)),
      };
    },
  };
}
