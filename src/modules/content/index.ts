import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { FileUploads } from '../files/index.ts';
import type { TrackDirectory } from '../questions/index.ts';

export type * from './application/contract.ts';

export type ContentModule = AppModule;

/** Articles, tags, mini-tests, the public blog and its search. */
export function createContentModule(_deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  /** The catalog's tracks, on the pool or in a content transaction. */
  tracksFor: (executor: Db) => TrackDirectory;
  /** Article images go through the files module. */
  uploads: FileUploads;
}): ContentModule {
  return {};
}
