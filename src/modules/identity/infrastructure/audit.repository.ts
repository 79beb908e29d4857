import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../../shared/infrastructure/logging.ts';
import { uuidV7 } from '../../../shared/infrastructure/uuid-v7.ts';
import type { AuditLog } from '../application/ports.ts';

/** Audit events go to their table (in the use case's transaction) and to the structured log. */
export function createAuditLog(tx: Tx, logger: Logger) {
  return {
    async record(entry) {
      const row = {
        id: uuidV7(entry.at.getTime()),
        at: entry.at,
        actorId: entry.actorId,
        action: entry.action,
        subjectId: entry.subjectId,
        ip: entry.origin?.ip ?? null,
        requestId: entry.origin?.requestId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      };
      await tx.insertInto('auditEvents').values(row).execute();
      logger.info(
        {
          audit: {
            action: entry.action,
            actorId: entry.actorId,
            subjectId: entry.subjectId,
            ip: row.ip,
            details: entry.details ?? {},
          },
          requestId: row.requestId ?? undefined,
        },
        `audit ${entry.action}`,
      );
    },
  } satisfies AuditLog;
}
