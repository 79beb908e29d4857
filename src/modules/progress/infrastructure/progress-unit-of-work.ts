import type { AuditLog } from '../../../shared/application/audit.ts';
import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../../shared/infrastructure/jobs/outbox.ts';
import type { AttemptReads, AttemptStarter } from '../../assessment/index.ts';
import type { CatalogTrackDirectory } from '../../catalog/index.ts';
import type { UserDirectory } from '../../identity/index.ts';
import type { ApprovalRequests, ArticleDirectory } from '../application/contract.ts';
import type { ProgressRepositories, ProgressUnitOfWork } from '../application/ports.ts';
import { createAssignmentRepository } from './assignment.repository.ts';
import { createCertificateRepository } from './certificate.repository.ts';
import { createEnrollmentRepository } from './enrollment.repository.ts';
import { createMasteryRepository } from './mastery.repository.ts';
import { createStageProgressRepository } from './stage-progress.repository.ts';

/** The other modules' ports, bound to a transaction when asked for. */
export type ProgressPorts = Readonly<{
  tracksFor: (executor: Db) => CatalogTrackDirectory;
  articlesFor: (executor: Db) => ArticleDirectory;
  usersFor: (executor: Db) => UserDirectory;
  starterFor: (tx: Tx) => AttemptStarter;
  attemptReadsFor: (executor: Db) => AttemptReads;
  approvalRequestsFor: (tx: Tx) => ApprovalRequests;
}>;

/**
 * Progress's repositories and the ports it calls, all on one transaction. The other modules'
 * ports are resolved on first use: they are built after this module.
 */
export function bindProgressRepositories(tx: Tx, ports: ProgressPorts, audit: AuditLog): ProgressRepositories {
  const lazy = <T extends object>(make: () => T): T => {
    let made: T | undefined;
    return new Proxy({} as T, {
      get: (_target, property) => {
        made ??= make();
        const value = Reflect.get(made, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(made) : value;
      },
    });
  };
  return {
    enrollments: createEnrollmentRepository(tx),
    stages: createStageProgressRepository(tx),
    mastery: createMasteryRepository(tx),
    assignments: createAssignmentRepository(tx),
    certificates: createCertificateRepository(tx),
    tracks: ports.tracksFor(tx),
    articles: ports.articlesFor(tx),
    users: ports.usersFor(tx),
    starter: lazy(() => ports.starterFor(tx)),
    attempts: lazy(() => ports.attemptReadsFor(tx)),
    approvals: lazy(() => ports.approvalRequestsFor(tx)),
    audit,
    outbox: createOutbox(tx),
  };
}

/** One transaction per run; audit events reach the log after the commit. */
export function createProgressUnitOfWork(db: Db, auditTrail: AuditTrail, ports: ProgressPorts): ProgressUnitOfWork {
  return {
    async run(work) {
      const audit = auditTrail.begin();
      const result = await db.transaction().execute((tx) => work(bindProgressRepositories(tx, ports, audit.bind(tx))));
      audit.committed();
      return result;
    },
  };
}
