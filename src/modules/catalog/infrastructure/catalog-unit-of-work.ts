import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { CatalogUnitOfWork } from '../application/ports.ts';
import type { QuestionBankFacts } from '../application/question-bank-facts.ts';
import { createModuleRepository, createStageRepository } from './ordered.repository.ts';
import { createSettingsVersionRepository } from './settings-version.repository.ts';
import { createTrackRepository } from './track.repository.ts';

/** One transaction per run with the catalog's repositories; audit events reach the log after the commit. */
export function createCatalogUnitOfWork(
  db: Db,
  auditTrail: AuditTrail,
  questionBankFor: (executor: Db) => QuestionBankFacts,
): CatalogUnitOfWork {
  return {
    async run(work) {
      const audit = auditTrail.begin();
      const result = await db.transaction().execute((tx) =>
        work({
          tracks: createTrackRepository(tx),
          stages: createStageRepository(tx),
          modules: createModuleRepository(tx),
          settingsVersions: createSettingsVersionRepository(tx),
          audit: audit.bind(tx),
          questionBank: questionBankFor(tx),
        }),
      );
      audit.committed();
      return result;
    },
  };
}
