import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { AssessmentUseCases, AttemptOutcomes, AttemptReads, AttemptStarter } from '../assessment/index.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import type { ContentUseCases } from '../content/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type {
  ApprovalRequests,
  ArticleDirectory,
  JourneyDecisions,
  ProgressReads,
  ProgressUseCases,
} from './application/contract.ts';
import { createJourneyDecisions } from './application/decisions.ts';
import { createAttemptOutcomes } from './application/outcomes.ts';
import { createProgressReads } from './application/progress-reads.ts';
import { createProgressUseCases } from './application/use-cases.ts';
import { learningPages } from './http/pages/index.ts';
import { progressRoutes } from './http/routes.ts';
import { newCertificateCode } from './infrastructure/certificate.repository.ts';
import { createProgressReadModel } from './infrastructure/progress.reads.ts';
import { bindProgressRepositories, createProgressUnitOfWork } from './infrastructure/progress-unit-of-work.ts';

export type * from './application/contract.ts';

export type ProgressModule = AppModule & {
  useCases: ProgressUseCases;
  /** Mastery and the journey's next step, in assessment's finishing transaction. */
  outcomesFor(tx: Tx): AttemptOutcomes;
  /** Applies an approval decision, in approvals' transaction. */
  decisionsFor(tx: Tx): JourneyDecisions;
  readsFor(executor: Db): ProgressReads;
};

/** Enrollments, stage progress, mastery, article assignments, certificates; the student's pages. */
export function createProgressModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  tracksFor: (executor: Db) => CatalogTrackDirectory;
  articlesFor: (executor: Db) => ArticleDirectory;
  usersFor: (executor: Db) => UserDirectory;
  starterFor: (tx: Tx) => AttemptStarter;
  attemptReadsFor: (executor: Db) => AttemptReads;
  approvalRequestsFor: (tx: Tx) => ApprovalRequests;
  /** For the student's pages (attempt pages, article pages). */
  assessment: () => AssessmentUseCases;
  content: ContentUseCases;
}): ProgressModule {
  const ports = {
    tracksFor: deps.tracksFor,
    articlesFor: deps.articlesFor,
    usersFor: deps.usersFor,
    starterFor: deps.starterFor,
    attemptReadsFor: deps.attemptReadsFor,
    approvalRequestsFor: deps.approvalRequestsFor,
  };
  const useCases = createProgressUseCases({
    uow: createProgressUnitOfWork(deps.db, deps.auditTrail, ports),
    reads: createProgressReadModel(deps.db),
    tracks: deps.tracksFor(deps.db),
    articles: deps.articlesFor(deps.db),
    attempts: lazyAttemptReads(() => deps.attemptReadsFor(deps.db)),
    clock: deps.clock,
    newId: () => uuidV7(deps.clock.now().getTime()),
    newCertificateCode,
  });
  // Outcomes and decisions run in another module's transaction, which owns its audit log.
  const bind = (tx: Tx) => bindProgressRepositories(tx, ports, deps.auditTrail.begin().bind(tx));
  const decisionsFor = (tx: Tx) => createJourneyDecisions(bind(tx), newCertificateCode);
  return {
    useCases,
    routes: (app: FastifyInstance) => progressRoutes(app, { useCases, assessment: deps.assessment }),
    // The student's pages (owned separately from the use cases and JSON routes).
    pages: (app, pagesDeps) =>
      learningPages(app, {
        ...pagesDeps,
        config: deps.config,
        clock: deps.clock,
        progress: useCases,
        assessment: deps.assessment,
        content: deps.content,
      }),
    outcomesFor: (tx) => createAttemptOutcomes(bind(tx), decisionsFor(tx)),
    decisionsFor,
    readsFor: (executor) =>
      createProgressReads({ reads: createProgressReadModel(executor), tracks: deps.tracksFor(executor) }),
  };
}

/** Assessment is built after this module: its reads are looked up on first use. */
function lazyAttemptReads(make: () => AttemptReads): AttemptReads {
  return {
    forScope: (userId, scope) => make().forScope(userId, scope),
    byId: (attemptId) => make().byId(attemptId),
  };
}
