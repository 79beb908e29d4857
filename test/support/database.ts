import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type DatabaseHandle, type Db } from '../../src/shared/infrastructure/db/database.ts';
import { createLogger, type Logger } from '../../src/shared/infrastructure/logging.ts';
import { admin, withDatabase } from './global-setup.ts';

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

/** A database of this test file's own, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `baza_test_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? 'template0' : inject('templateDatabase');
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export type UsedDatabase = { readonly url: string; readonly db: Db; readonly logger: Logger };

/**
 * Registers beforeAll/afterAll hooks that give the calling test file its own database and a
 * Kysely handle on it; read `url` and `db` inside tests and hooks.
 */
export function useTestDatabase(options: { empty?: boolean; maxConnections?: number } = {}): UsedDatabase {
  const logger = createLogger({ level: 'silent', format: 'ecs' });
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options.empty ? { empty: true } : {});
    handle = createDatabase({ connectionString: database.url, maxConnections: options.maxConnections ?? 4, logger });
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestDatabase: read url/db inside tests or hooks');
    return value;
  };
  return {
    get url() {
      return ready(database).url;
    },
    get db() {
      return ready(handle).db;
    },
    logger,
  };
}
