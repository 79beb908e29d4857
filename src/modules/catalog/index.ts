import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { QuestionBankFacts } from './application/question-bank-facts.ts';
import { type CatalogUseCases, createCatalogUseCases } from './application/use-cases.ts';
import { adminSettingsRoutes } from './http/admin-settings-routes.ts';
import { adminStructureRoutes } from './http/admin-structure-routes.ts';
import { adminTrackRoutes } from './http/admin-track-routes.ts';
import { catalogPages } from './http/pages/index.ts';
import { publicRoutes } from './http/public-routes.ts';
import { createCatalogReads } from './infrastructure/catalog.reads.ts';
import { createCatalogUnitOfWork } from './infrastructure/catalog-unit-of-work.ts';
import { createTrackDirectory } from './infrastructure/track-directory.ts';

export type { CatalogUseCases, QuestionBankFacts };
export type { CatalogActor } from './domain/track.ts';
export type { SettingsParams } from './domain/settings.ts';
export { DEFAULT_SETTINGS } from './domain/settings.ts';
export type { TrackSettings } from './infrastructure/track-directory.ts';
/** The catalog's track directory (outline, hold, settings), on the pool or in a transaction. */
export type CatalogTrackDirectory = ReturnType<typeof createTrackDirectory>;

export type CatalogModule = AppModule & {
  /** Tracks with their stages and modules, for the question bank. */
  trackDirectory: ReturnType<typeof createTrackDirectory>;
  /** The same, bound to another module's transaction. */
  trackDirectoryFor: typeof createTrackDirectory;
  /** Every use case; the actor is `{ id, role }` (admins and the owner manage the catalog). */
  useCases: CatalogUseCases;
};

/** Tracks, stages, modules and versioned track settings: adapters wired to use cases and HTTP. */
export function createCatalogModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  /** The question bank's facts, on the pool or in a catalog transaction. */
  questionBank: (executor: Db) => QuestionBankFacts;
}): CatalogModule {
  const useCases = createCatalogUseCases({
    uow: createCatalogUnitOfWork(deps.db, deps.auditTrail, deps.questionBank),
    reads: createCatalogReads(deps.db),
    questionBank: deps.questionBank(deps.db),
    newId: () => uuidV7(deps.clock.now().getTime()),
  });
  const routeDeps = { useCases, clock: deps.clock };
  return {
    trackDirectory: createTrackDirectory(deps.db),
    trackDirectoryFor: createTrackDirectory,
    useCases,
    routes: async (app: FastifyInstance) => {
      await app.register(async (api) => {
        await api.register(publicRoutes(useCases));
        await api.register(async (admin) => {
          // Drafts, readiness and settings are for staff only: never kept by a cache.
          admin.addHook('onSend', async (_request, reply, payload) => {
            reply.header('cache-control', 'no-store');
            return payload;
          });
          await admin.register(adminTrackRoutes(routeDeps));
          await admin.register(adminStructureRoutes(routeDeps));
          await admin.register(adminSettingsRoutes(routeDeps));
        });
      });
    },
    pages: async (app, pagesDeps) => catalogPages(app, { ...pagesDeps, ...routeDeps }),
  };
}
