import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../shared/infrastructure/db/unit-of-work.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import type {
  AnnulmentConsequences,
  AssessmentUseCases,
  AttemptAnnulment,
  AttemptOutcomes,
  AttemptReads,
  AttemptStarter,
} from './application/contract.ts';

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
  void deps;
  const notBuilt = (): never => {
    throw new Error('assessment module: being built');
  };
  return {
    useCases: new Proxy({} as AssessmentUseCases, { get: notBuilt }),
    starterFor: notBuilt,
    readsFor: notBuilt,
    annulmentFor: notBuilt,
  };
}
