import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/shared/infrastructure/db/database.ts';
import {
  MIGRATIONS_DIR,
  migrateDown,
  migrateToZero,
  migrateUp,
  migrationStatus,
} from '../../src/shared/infrastructure/db/migrator.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  handle = createDatabase({
    connectionString: database.url,
    maxConnections: 2,
    logger: createLogger({ level: 'silent', format: 'ecs' }),
  });
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

async function userTables(): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT LIKE 'kysely_%'
    ORDER BY 1`.execute(handle.db);
  return result.rows.map((row) => row.name);
}

describe('migrations', () => {
  const files = readdirSync(MIGRATIONS_DIR).filter((file) => /^\d{4}_.+\.ts$/.test(file));

  it('are numbered without gaps', () => {
    files.forEach((file, index) => expect(file.slice(0, 4)).toBe(String(index + 1).padStart(4, '0')));
  });

  it('go up from zero, down to zero, and up again', async () => {
    expect(await userTables()).toEqual([]);

    const applied = await migrateUp(database.url);
    expect(applied).toEqual(files.map((file) => `up ${file.replace(/\.ts$/, '')}`));
    const tables = await userTables();
    expect(tables).toEqual(expect.arrayContaining(['public.outbox', 'public.idempotency_keys', 'pgboss.job']));
    expect((await migrationStatus(database.url)).every((migration) => migration.executedAt)).toBe(true);

    const reverted = await migrateToZero(database.url);
    expect(reverted).toEqual(files.map((file) => `down ${file.replace(/\.ts$/, '')}`).reverse());
    expect(await userTables()).toEqual([]);

    await migrateUp(database.url);
    expect(await userTables()).toEqual(tables);
  });

  it('step down one at a time and report nothing to do when done', async () => {
    const last = files.at(-1)?.replace(/\.ts$/, '');
    expect(await migrateDown(database.url)).toEqual([`down ${last}`]);
    expect((await migrationStatus(database.url)).at(-1)).toEqual({ name: last, executedAt: undefined });
    expect(await migrateUp(database.url)).toEqual([`up ${last}`]);
    expect(await migrateUp(database.url)).toEqual([]);
  });

  it('apply once when two migrators race (advisory lock)', async () => {
    await migrateToZero(database.url);
    const [first, second] = await Promise.all([migrateUp(database.url), migrateUp(database.url)]);
    expect([...first, ...second].sort()).toEqual(files.map((file) => `up ${file.replace(/\.ts$/, '')}`).sort());
  });
});
