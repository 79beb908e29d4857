import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { TrackDirectory } from './application/track-directory.ts';
import { createQuestionBankFacts } from './infrastructure/question-bank-facts.ts';

export type { TrackDirectory };
export { createQuestionBankFacts };

export type QuestionsModule = AppModule;

/** The question bank: questions, imports and exports, adapters wired to use cases and HTTP. */
export function createQuestionsModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  tracks: TrackDirectory;
}): QuestionsModule {
  void deps;
  return {};
}
