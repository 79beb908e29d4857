import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import { renderMarkdown } from '../../shared/http/markdown.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import { createUnitOfWork } from '../../shared/infrastructure/db/unit-of-work.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { TrackDirectory } from '../questions/index.ts';
import { createMatrixUseCases, type MatrixUseCases } from './application/use-cases.ts';
import { matrixPages } from './http/pages/index.ts';
import { matrixRoutes } from './http/routes.ts';
import { createMatrixReads, createMatrixStore, createModuleCatalog } from './infrastructure/matrix-store.ts';

export type * from './application/contract.ts';
export type { MatrixUseCases };
export type MatrixModule = AppModule & { useCases: MatrixUseCases };

/** The competency matrix: sheets, sections, subsections, grades and items. */
export function createMatrixModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  /** The catalog's tracks, on the pool or in a matrix transaction. */
  tracksFor: (executor: Db) => TrackDirectory;
}): MatrixModule {
  const useCases = createMatrixUseCases({
    uow: createUnitOfWork(deps.db, createMatrixStore),
    reads: createMatrixReads(deps.db),
    catalog: createModuleCatalog(deps.tracksFor(deps.db)),
    newId: () => uuidV7(deps.clock.now().getTime()),
    now: () => deps.clock.now(),
    renderMarkdown,
  });
  return { useCases, routes: matrixRoutes(useCases), pages: matrixPages(useCases) };
}
