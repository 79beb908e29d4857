import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logging.ts';
import { preparingPool } from './prepared-statements.ts';
import type { Database } from './schema.ts';

// bigint (int8) and numeric arrive as strings; counts are safe as numbers, ids stay strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export type Db = Kysely<Database>;

export type DatabaseHandle = { db: Db; pool: pg.Pool; close(): Promise<void> };

export function createDatabase(options: {
  connectionString: string;
  maxConnections: number;
  logger: Logger;
  applicationName?: string;
}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'baza',
  });
  // An idle client losing its server (restart, shutdown) must not crash the process.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'idle database connection failed'));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    plugins: [new CamelCasePlugin()],
  });
  let closed: Promise<void> | undefined;
  return {
    db,
    pool,
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}
