import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
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
import { learningPages } from './http/pages/index.ts';

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
  const notBuilt = (): never => {
    throw new Error('progress module: being built');
  };
  const useCases = new Proxy({} as ProgressUseCases, { get: notBuilt });
  return {
    useCases,
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
    outcomesFor: notBuilt,
    decisionsFor: notBuilt,
    readsFor: notBuilt,
  };
}
