import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../../shared/infrastructure/jobs/outbox.ts';
import type { CatalogTrackDirectory } from '../../catalog/index.ts';
import { createQuestionPools, createQuestionUsage, type QuestionPoolCache } from '../../questions/index.ts';
import type { AnnulmentConsequences, AttemptOutcomes } from '../application/contract.ts';
import type { AssessmentRepositories, AssessmentTracks, AssessmentUnitOfWork } from '../application/ports.ts';
import { createAttemptStore } from './attempt-store.ts';

export type RepositoryDeps = Readonly<{
  tracksFor: (executor: Db) => CatalogTrackDirectory;
  outcomesFor: (tx: Tx) => AttemptOutcomes;
  annulmentConsequencesFor: (tx: Tx) => AnnulmentConsequences;
  /** The tracks' exam pools kept between transactions (one per application). */
  poolCache: QuestionPoolCache;
}>;

export function assessmentTracks(directory: CatalogTrackDirectory): AssessmentTracks {
  return {
    async outline(trackId) {
      const outline = await directory.outline(trackId);
      return outline && outline.id === trackId ? outline : undefined;
    },
    async settings(trackId, version) {
      return (await directory.settings(trackId, version))?.params;
    },
  };
}

/** The module's repositories bound to one transaction (its own or a caller's). */
export function assessmentRepositories(tx: Tx, deps: RepositoryDeps): AssessmentRepositories {
  const pools = createQuestionPools(tx, deps.poolCache);
  const usage = createQuestionUsage(tx);
  return {
    attempts: createAttemptStore(tx),
    pools: {
      exam: (trackId, stageId) => pools.exam(trackId, stageId),
      diagnostic: (trackId) => pools.diagnostic(trackId),
      minitest: (articleId) => pools.minitest(articleId),
      markUsed: (ids, now) => usage.markUsed(ids, now),
    },
    tracks: assessmentTracks(deps.tracksFor(tx)),
    // Resolved at call time: the other modules are built after this one.
    outcomes: { attemptFinished: (attempt) => deps.outcomesFor(tx).attemptFinished(attempt) },
    consequences: { attemptAnnulled: (annulment) => deps.annulmentConsequencesFor(tx).attemptAnnulled(annulment) },
    outbox: createOutbox(tx),
  };
}

/** One transaction per run; audit events reach the log after the commit. */
export function createAssessmentUnitOfWork(db: Db, auditTrail: AuditTrail, deps: RepositoryDeps): AssessmentUnitOfWork {
  return {
    async run(work) {
      const audit = auditTrail.begin();
      const result = await db.transaction().execute((tx) => work(assessmentRepositories(tx, deps), audit.bind(tx)));
      audit.committed();
      return result;
    },
  };
}
