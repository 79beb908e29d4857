import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import { renderInlineMarkdown, renderMarkdown } from '../../shared/http/markdown.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import { createQuestionPoolCache } from '../questions/index.ts';
import { attemptReads } from './application/attempt-reads.ts';
import { attemptAnnulment } from './application/commands/annul-attempt.ts';
import type {
  AnnulmentConsequences,
  AssessmentUseCases,
  AttemptAnnulment,
  AttemptOutcomes,
  AttemptReads,
  AttemptStarter,
} from './application/contract.ts';
import type { AssessmentDeps } from './application/ports.ts';
import { attemptStarter } from './application/start-attempt.ts';
import { createAssessmentUseCases } from './application/use-cases.ts';
import { assessmentRoutes } from './http/routes.ts';
import {
  assessmentRepositories,
  assessmentTracks,
  createAssessmentUnitOfWork,
} from './infrastructure/assessment-repositories.ts';
import { createAttemptStore } from './infrastructure/attempt-store.ts';

export type * from './application/contract.ts';
export type * from './domain/composition-types.ts';

export type AssessmentModule = AppModule & {
  useCases: AssessmentUseCases;
  /** Starts attempts inside the progress module's transaction. */
  starterFor(tx: Tx): AttemptStarter;
  readsFor(executor: Db): AttemptReads;
  /** Annuls inside the approvals module's transaction (a rejected pass). */
  annulmentFor(tx: Tx): AttemptAnnulment;
};

/** How many expired attempts one run of the job finishes at most. */
const EXPIRY_BATCH = 200;

/** Attempts of every kind, grading, the adaptive composition, the expiry job's use case. */
export function createAssessmentModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  auditTrail: AuditTrail;
  tracksFor: (executor: Db) => CatalogTrackDirectory;
  /** Progress moves the journey on in the finishing transaction. */
  outcomesFor: (tx: Tx) => AttemptOutcomes;
  /** Approvals closes a pending request of an annulled attempt. */
  annulmentConsequencesFor: (tx: Tx) => AnnulmentConsequences;
}): AssessmentModule {
  const repositoryDeps = {
    tracksFor: deps.tracksFor,
    outcomesFor: deps.outcomesFor,
    annulmentConsequencesFor: deps.annulmentConsequencesFor,
    poolCache: createQuestionPoolCache(),
  };
  const newId = () => uuidV7(deps.clock.now().getTime());
  const appDeps: AssessmentDeps = {
    uow: createAssessmentUnitOfWork(deps.db, deps.auditTrail, repositoryDeps),
    reads: { attempts: createAttemptStore(deps.db), tracks: assessmentTracks(deps.tracksFor(deps.db)) },
    markdown: { block: renderMarkdown, inline: renderInlineMarkdown },
    now: () => deps.clock.now(),
    newId,
    newSeed: () => randomInt(0, 2 ** 32),
    expiryBatch: EXPIRY_BATCH,
    onExpiryFailure: (attemptId, error) =>
      deps.logger.error({ err: error, attemptId }, 'finishing an expired attempt failed'),
  };
  const useCases = createAssessmentUseCases(appDeps);
  return {
    useCases,
    routes: (app: FastifyInstance) => assessmentRoutes(app, { useCases }),
    starterFor: (tx) => attemptStarter(appDeps, assessmentRepositories(tx, repositoryDeps)),
    readsFor: (executor) => attemptReads(createAttemptStore(executor)),
    annulmentFor: (tx) => attemptAnnulment(assessmentRepositories(tx, repositoryDeps)),
  };
}

/** The JSON shape of an attempt (`GET /attempts/{id}`), for routes of other modules that return one. */
export { AttemptSchema, attemptJson } from './http/schemas.ts';
