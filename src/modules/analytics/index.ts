import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { CatalogTrackDirectory } from '../catalog/index.ts';

export type AnalyticsModule = AppModule;

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
  void deps;
  return {};
}
