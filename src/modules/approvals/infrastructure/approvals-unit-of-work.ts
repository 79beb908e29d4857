import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../../shared/infrastructure/jobs/outbox.ts';
import type { AttemptAnnulment } from '../../assessment/index.ts';
import type { JourneyDecisions } from '../../progress/index.ts';
import type { ApprovalsTx, ApprovalsUnitOfWork } from '../application/ports.ts';
import { createApprovalRepository } from './approval.repository.ts';

export type TxBinders = Readonly<{
  auditTrail: AuditTrail;
  decisionsFor: (tx: Tx) => JourneyDecisions;
  attemptAnnulmentFor: (tx: Tx) => AttemptAnnulment;
}>;

/**
 * Binds this module's repository, the outbox, the audit log and the other modules' ports to one
 * transaction. `committed` is for the caller who owns the transaction: the audit events reach the
 * structured log only once it has committed.
 */
export function bindApprovalsTx(tx: Tx, binders: TxBinders): { repositories: ApprovalsTx; committed: () => void } {
  const audit = binders.auditTrail.begin();
  return {
    repositories: {
      requests: createApprovalRepository(tx),
      outbox: createOutbox(tx),
      audit: audit.bind(tx),
      // Bound when used: the ports of progress and assessment are resolved at call time.
      decisions: {
        approved: (decision) => binders.decisionsFor(tx).approved(decision),
        rejected: (decision) => binders.decisionsFor(tx).rejected(decision),
      },
      annulment: { annul: (attemptId, annulment) => binders.attemptAnnulmentFor(tx).annul(attemptId, annulment) },
    },
    committed: () => audit.committed(),
  };
}

/** One transaction per run; the decision, its journey change, audit and event commit together. */
export function createApprovalsUnitOfWork(db: Db, binders: TxBinders): ApprovalsUnitOfWork {
  return {
    async run(work) {
      let committed = () => {};
      const result = await db.transaction().execute((tx) => {
        const bound = bindApprovalsTx(tx, binders);
        committed = () => bound.committed();
        return work(bound.repositories);
      });
      committed();
      return result;
    },
  };
}
