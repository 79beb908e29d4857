import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { createOutbox } from '../../../shared/infrastructure/jobs/outbox.ts';
import type { Logger } from '../../../shared/infrastructure/logging.ts';
import type { IdentityUnitOfWork } from '../application/ports.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { createAuditLog, logAuditEntry } from './audit.repository.ts';
import { createSessionRepository } from './session.repository.ts';
import {
  createMfaChallengeRepository,
  createOneTimeTokenRepository,
  createRecoveryCodeRepository,
} from './token.repository.ts';
import { createUserRepository } from './user.repository.ts';

/**
 * One transaction per run with identity's repositories bound to it. Audit events reach the
 * structured log only after the commit, so the log never tells of changes that rolled back.
 */
export function createIdentityUnitOfWork(db: Db, logger: Logger): IdentityUnitOfWork {
  return {
    async run(work) {
      const recorded: AuditEntry[] = [];
      const result = await db.transaction().execute((tx) =>
        work({
          users: createUserRepository(tx),
          sessions: createSessionRepository(tx),
          oneTimeTokens: createOneTimeTokenRepository(tx),
          recoveryCodes: createRecoveryCodeRepository(tx),
          mfaChallenges: createMfaChallengeRepository(tx),
          audit: createAuditLog(tx, recorded),
          outbox: createOutbox(tx),
        }),
      );
      for (const entry of recorded) logAuditEntry(logger, entry);
      return result;
    },
  };
}
