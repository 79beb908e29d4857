import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';
import type { AnalyticsReads, AnalyticsUseCases } from './application/contract.ts';
import { createAnalyticsUseCases } from './application/use-cases.ts';
import { analyticsPages } from './http/pages.tsx';
import { analyticsRoutes } from './http/routes.ts';
import { createAnalyticsReads } from './infrastructure/analytics.reads.ts';

export type * from './application/contract.ts';

export type AnalyticsModule = AppModule & { useCases: AnalyticsUseCases };

/**
 * Read-only reporting over the learning tables (a read model, no writes): track analytics and
 * item statistics, as JSON and as charts in the admin panel.
 */
export function createAnalyticsModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  tracksFor: (executor: Db) => CatalogTrackDirectory;
}): AnalyticsModule {
  const tracks = deps.tracksFor(deps.db);
  const reads: AnalyticsReads = {
    ...createAnalyticsReads(deps.db),
    async track(trackId) {
      const outline = await tracks.outline(trackId);
      return outline && { id: outline.id, slug: outline.slug, title: outline.title, stages: outline.stages };
    },
  };
  const useCases = createAnalyticsUseCases({ reads });
  return {
    useCases,
    routes: (app: FastifyInstance) => analyticsRoutes(app, { useCases, clock: deps.clock }),
    pages: (app: FastifyInstance, pagesDeps: PagesDeps) =>
      analyticsPages(app, { ...pagesDeps, useCases, clock: deps.clock, tracks }),
  };
}
