import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { QuestionsUseCases } from './application/contract.ts';
import type { TrackDirectory } from './application/track-directory.ts';
import { createQuestionsUseCases } from './application/use-cases.ts';
import { questionsPages } from './http/pages/index.ts';
import { questionsRoutes } from './http/routes.ts';
import { createQuestionBankFacts } from './infrastructure/question-bank-facts.ts';
import { createQuestionRepository } from './infrastructure/question.repository.ts';
import { createQuestionReads } from './infrastructure/questions.reads.ts';
import { createQuestionsUnitOfWork } from './infrastructure/questions-unit-of-work.ts';

export type * from './application/contract.ts';
export type { TrackDirectory };
export { createQuestionBankFacts };
export {
  createQuestionPoolCache,
  createQuestionPools,
  type PoolQuestion as BankPoolQuestion,
  type QuestionPoolCache,
} from './infrastructure/question-pools.ts';
export { decodeUtf8, formatOfFileName, QUESTION_FILE_FORMATS } from './domain/formats/index.ts';
export { rejectionMessage } from './http/rejection-message.ts';
export { normalizeDraft as normalizeQuestionDraft, validateQuestionDraft } from './domain/question.ts';

export type QuestionsModule = AppModule & { useCases: QuestionsUseCases };

/** How many questions an import inserts per statement. */
const IMPORT_CHUNK_SIZE = 500;

/** The question bank: questions, imports and exports, adapters wired to use cases and HTTP. */
export function createQuestionsModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  /** The catalog's tracks, on the pool or in a question-bank transaction. */
  tracksFor: (executor: Db) => TrackDirectory;
}): QuestionsModule {
  const tracks = deps.tracksFor(deps.db);
  const useCases = createQuestionsUseCases({
    uow: createQuestionsUnitOfWork(deps.db, deps.auditTrail, deps.tracksFor),
    reads: createQuestionReads(deps.db),
    tracks,
    newId: () => uuidV7(deps.clock.now().getTime()),
    importChunkSize: IMPORT_CHUNK_SIZE,
  });
  return {
    useCases,
    routes: (app: FastifyInstance) => questionsRoutes(app, { useCases, clock: deps.clock }),
    pages: (app: FastifyInstance, pagesDeps: PagesDeps) =>
      questionsPages(app, {
        ...pagesDeps,
        useCases,
        tracks,
        clock: deps.clock,
        listTracks: () => tracks.list(),
      }),
  };
}

/**
 * For the assessment module, in its own transaction: marks the questions an attempt has just
 * been given as used; from then on their content is frozen (edits make replacements).
 */
export function createQuestionUsage(tx: Tx) {
  const questions = createQuestionRepository(tx);
  return { markUsed: (ids: readonly string[], now: Date) => questions.markUsed(ids, now) };
}
