import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { Mailer } from '../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../shared/application/outbox.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import type { AnnulmentConsequences, AssessmentUseCases, AttemptAnnulment, AttemptReads } from '../assessment/index.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type { ApprovalRequests, JourneyDecisions, ProgressReads, ProgressUseCases } from '../progress/index.ts';
import type { ApprovalsUseCases } from './application/contract.ts';

export type * from './application/contract.ts';

export type ApprovalsModule = AppModule & {
  useCases: ApprovalsUseCases;
  /** Opens requests inside progress's transaction. */
  requestsFor(tx: Tx): ApprovalRequests;
  /** Closes a pending request of an attempt an admin annuls, in assessment's transaction. */
  annulmentConsequencesFor(tx: Tx): AnnulmentConsequences;
  /** `approval.requested` → staff, `approval.decided` and `enrollment.graduated` → the student. */
  outboxHandlers: Record<string, OutboxHandler[]>;
};

/** Approval requests, dossiers, decisions; the journey's emails; the staff's approval pages. */
export function createApprovalsModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  auditTrail: AuditTrail;
  mailer: Mailer;
  tracksFor: (executor: Db) => CatalogTrackDirectory;
  usersFor: (executor: Db) => UserDirectory;
  decisionsFor: (tx: Tx) => JourneyDecisions;
  attemptAnnulmentFor: (tx: Tx) => AttemptAnnulment;
  attemptReadsFor: (executor: Db) => AttemptReads;
  progressReadsFor: (executor: Db) => ProgressReads;
  /** For the staff pages: annul an attempt, set extra time. */
  assessment: () => AssessmentUseCases;
  progress: () => ProgressUseCases;
}): ApprovalsModule {
  void deps;
  const notBuilt = (): never => {
    throw new Error('approvals module: being built');
  };
  return {
    useCases: new Proxy({} as ApprovalsUseCases, { get: notBuilt }),
    requestsFor: notBuilt,
    annulmentConsequencesFor: notBuilt,
    outboxHandlers: {},
  };
}
