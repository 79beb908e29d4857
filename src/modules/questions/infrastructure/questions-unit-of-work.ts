import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { QuestionsUnitOfWork } from '../application/ports.ts';
import type { TrackDirectory } from '../application/track-directory.ts';
import { createQuestionRepository } from './question.repository.ts';

/** One transaction per run with the bank's repositories and the audit log bound to it. */
export function createQuestionsUnitOfWork(
  db: Db,
  auditTrail: AuditTrail,
  tracksFor: (executor: Db) => TrackDirectory,
): QuestionsUnitOfWork {
  return {
    async run(work) {
      const audit = auditTrail.begin();
      const result = await db
        .transaction()
        .execute((tx) =>
          work({ questions: createQuestionRepository(tx), audit: audit.bind(tx), tracks: tracksFor(tx) }),
        );
      audit.committed();
      return result;
    },
  };
}
