import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import { FileMigrationProvider, type MigrationInfo, type MigrationResultSet, Migrator } from 'kysely/migration';
import pg from 'pg';

/** `migrations/` at the project root, whether running from `src/` or from the compiled `dist/src/`. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

export type MigrationStatus = { name: string; executedAt: Date | undefined };

/**
 * Hand-written migrations, applied only by `baza migrate` (and the test template), never by the
 * server. Kysely runs a batch in one transaction under a PostgreSQL advisory lock, so two
 * migrators racing against one database apply each migration once.
 */
export async function withMigrator<T>(
  connectionString: string,
  work: (migrator: Migrator) => Promise<T>,
  migrationsDir = MIGRATIONS_DIR,
): Promise<T> {
  // No CamelCasePlugin here: migrations speak the database's own snake_case.
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }),
  });
  const provider = new FileMigrationProvider({
    fs,
    path,
    migrationFolder: migrationsDir,
    import: (file: string) => import(pathToFileURL(file).href),
  });
  try {
    return await work(new Migrator({ db, provider }));
  } finally {
    await db.destroy();
  }
}

export async function migrateUp(connectionString: string, migrationsDir?: string): Promise<string[]> {
  return withMigrator(connectionString, async (migrator) => applied(await migrator.migrateToLatest()), migrationsDir);
}

export async function migrateDown(connectionString: string, migrationsDir?: string): Promise<string[]> {
  return withMigrator(connectionString, async (migrator) => applied(await migrator.migrateDown()), migrationsDir);
}

export async function migrateToZero(connectionString: string, migrationsDir?: string): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely/migration');
  return withMigrator(
    connectionString,
    async (migrator) => applied(await migrator.migrateTo(NO_MIGRATIONS)),
    migrationsDir,
  );
}

export async function migrationStatus(connectionString: string, migrationsDir?: string): Promise<MigrationStatus[]> {
  return withMigrator(
    connectionString,
    async (migrator) =>
      (await migrator.getMigrations()).map((info: MigrationInfo) => ({ name: info.name, executedAt: info.executedAt })),
    migrationsDir,
  );
}

/** Writes `migrations/NNNN_<name>.ts` with empty `up` and `down`; returns its path. */
export async function createMigrationFile(name: string, migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error('migration name must contain letters or digits');
  const numbers = (await fs.readdir(migrationsDir)).map((file) => Number.parseInt(file, 10)).filter(Number.isFinite);
  const next = String(Math.max(0, ...numbers) + 1).padStart(4, '0');
  const file = path.join(migrationsDir, `${next}_${slug}.ts`);
  await fs.writeFile(file, MIGRATION_TEMPLATE, { flag: 'wx' });
  return file;
}

const MIGRATION_TEMPLATE = `import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql\`\`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql\`\`.execute(db);
}
`;

function applied(result: MigrationResultSet): string[] {
  const failed = result.results?.find((migration) => migration.status === 'Error');
  if (result.error) {
    const where = failed ? `migration ${failed.migrationName} failed: ` : '';
    throw new Error(`${where}${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).map((migration) => `${migration.direction.toLowerCase()} ${migration.migrationName}`);
}
