import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { QuestionBankFacts } from './application/question-bank-facts.ts';
import { createTrackDirectory } from './infrastructure/track-directory.ts';

export type { QuestionBankFacts };

export type CatalogModule = AppModule & {
  /** Tracks with their stages and modules, for the question bank. */
  trackDirectory: ReturnType<typeof createTrackDirectory>;
};

/** Tracks, stages, modules and versioned track settings: adapters wired to use cases and HTTP. */
export function createCatalogModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  questionBank: QuestionBankFacts;
}): CatalogModule {
  return {
    trackDirectory: createTrackDirectory(deps.db),
  };
}
