import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { Mailer } from '../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../shared/application/outbox.ts';
import type { FastifyInstance } from 'fastify';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { AnnulmentConsequences, AssessmentUseCases, AttemptAnnulment, AttemptReads } from '../assessment/index.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import { createStaffRecipients, type UserDirectory } from '../identity/index.ts';
import type { ApprovalRequests, JourneyDecisions, ProgressReads, ProgressUseCases } from '../progress/index.ts';
import type { ApprovalsUseCases } from './application/contract.ts';
import { makeAnnulmentConsequences } from './application/commands/annulment-consequences.ts';
import { makeApprovalRequests } from './application/commands/open-request.ts';
import { makeApprovalMailHandlers } from './application/notify.ts';
import { createApprovalsUseCases } from './application/use-cases.ts';
import { createApprovalMailRenderer } from './http/mail-templates.tsx';
import { approvalsPages } from './http/pages/index.ts';
import { approvalRoutes } from './http/routes.ts';
import { createApprovalReads } from './infrastructure/approval.reads.ts';
import { bindApprovalsTx, createApprovalsUnitOfWork } from './infrastructure/approvals-unit-of-work.ts';
import { createNotificationLog } from './infrastructure/notification-log.ts';

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
  const newId = (at: Date) => uuidV7(at.getTime());
  const binders = {
    auditTrail: deps.auditTrail,
    decisionsFor: deps.decisionsFor,
    attemptAnnulmentFor: deps.attemptAnnulmentFor,
  };
  const reads = createApprovalReads(deps.db);
  const useCases = createApprovalsUseCases({
    uow: createApprovalsUnitOfWork(deps.db, binders),
    reads,
    // Resolved when read: assessment and progress may be wired after this module.
    dossierSources: {
      get attempts() {
        return deps.attemptReadsFor(deps.db);
      },
      get progress() {
        return deps.progressReadsFor(deps.db);
      },
    },
    now: () => deps.clock.now(),
  });
  const staff = createStaffRecipients(deps.db);
  const users = deps.usersFor(deps.db);
  const tracks = deps.tracksFor(deps.db);
  const outboxHandlers = makeApprovalMailHandlers({
    reads,
    directory: {
      staff: () => staff.list(),
      async user(userId) {
        const user = await users.byId(userId);
        return user && user.status !== 'blocked' ? user : undefined;
      },
      async track(trackId) {
        const outline = await tracks.outline(trackId);
        return outline && { slug: outline.slug, title: outline.title };
      },
    },
    sent: createNotificationLog(deps.db),
    mailer: deps.mailer,
    render: createApprovalMailRenderer(deps.config.baseUrl),
    now: () => deps.clock.now(),
  });
  return {
    useCases,
    // Audit rows written here commit with the caller's transaction; their log lines are not
    // emitted, since only the caller knows when it commits.
    requestsFor: (tx) => makeApprovalRequests(bindApprovalsTx(tx, binders).repositories, newId),
    annulmentConsequencesFor: (tx) => makeAnnulmentConsequences(bindApprovalsTx(tx, binders).repositories),
    outboxHandlers,
    routes: (app: FastifyInstance) => approvalRoutes(useCases)(app),
    pages: (app: FastifyInstance, pagesDeps: PagesDeps) =>
      approvalsPages(app, {
        ...pagesDeps,
        clock: deps.clock,
        approvals: useCases,
        tracks,
        assessment: deps.assessment,
        progress: deps.progress,
      }),
  };
}
