import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_SCALE_SEED } from '../../src/cli/seed-scale.ts';
import { SCALE_PASSWORD } from '../../src/cli/seed-scale/manifest.ts';
import { seedScale } from '../../src/cli/seed-scale/run.ts';
import { progressReporter } from '../../src/cli/progress-bar.ts';
import { loadConfig } from '../../src/config.ts';
import { createArgon2Hasher } from '../../src/modules/identity/infrastructure/argon2-hasher.ts';
import { startEmbeddedPostgres } from '../../src/shared/infrastructure/db/embedded-postgres.ts';
import { MIGRATIONS_DIR, migrateUp } from '../../src/shared/infrastructure/db/migrator.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';

export type ScaledDatabase = { connectionString: string; close(): Promise<void> };

const ROOT = path.resolve(import.meta.dirname, '../..');
const BENCH_DATA_DIR = path.join(ROOT, '.data-bench');
const GENERATOR_DIR = path.join(ROOT, 'src/cli/seed-scale');
const COMPLETE = 'baza scale seed: complete';

/**
 * A database seeded by `baza seed scale` with `students` students, for benchmarks and query
 * plans. The server is `DATABASE_URL`'s when set, otherwise an embedded PostgreSQL kept in
 * `.data-bench/`. The seeded database is a template made once per (students, generator,
 * migrations); `fresh: true` hands out a new copy of it, so a run that writes (exam starts,
 * answers) never changes the next run's data. `close()` drops the copy and stops what it started.
 */
export async function openScaledDatabase(options: { students: number; fresh: boolean }): Promise<ScaledDatabase> {
  const server = await openServer();
  try {
    const template = templateName(options.students);
    await ensureTemplate(server, template, options.students);
    if (!options.fresh) return { connectionString: server.url(template), close: () => server.stop() };
    const copy = `${template}_copy_${process.pid}`;
    await dropStaleCopies(server, template);
    await admin(server, `DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
    await admin(server, `CREATE DATABASE ${copy} TEMPLATE ${template} STRATEGY FILE_COPY`);
    say(`scaled database: a fresh copy ${copy} of ${template}`);
    return {
      connectionString: server.url(copy),
      async close() {
        await admin(server, `DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

type Server = { url: (database: string) => string; adminUrl: string; stop: () => Promise<void> };

async function openServer(): Promise<Server> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = (database: string) => {
      const parsed = new URL(external);
      parsed.pathname = `/${database}`;
      return parsed.toString();
    };
    return { url, adminUrl: external, stop: async () => {} };
  }
  say(`scaled database: embedded PostgreSQL in ${path.relative(ROOT, BENCH_DATA_DIR)}/`);
  const embedded = await startEmbeddedPostgres({
    dataDir: BENCH_DATA_DIR,
    port: 0,
    logger: createLogger({ level: 'warn', format: 'ecs', stderr: true }),
  });
  return {
    url: (database) => embedded.connectionString(database),
    adminUrl: embedded.connectionString('postgres'),
    stop: embedded.stop,
  };
}

/** Names change with the generator's code and the migrations: a stale template is never used. */
export function templateName(students: number): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(`migration:${file}\n`);
  for (const file of readdirSync(GENERATOR_DIR).sort()) {
    hash.update(`generator:${file}\n`).update(readFileSync(path.join(GENERATOR_DIR, file)));
  }
  return `baza_scale_${students}_s${DEFAULT_SCALE_SEED}_${hash.digest('hex').slice(0, 10)}`;
}

/** Seeds the template once; a lock makes a second process wait for the first one's template. */
async function ensureTemplate(server: Server, template: string, students: number): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [template],
    );
    if (rows[0]?.comment === COMPLETE) {
      say(`scaled database: template ${template} is ready`);
      return;
    }
    // A template left by a run that stopped half-way is made again.
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
    say(`scaled database: migrating and seeding ${template} (${students} students; once per generator and schema)`);
    await migrateUp(server.url(template));
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: BENCH_DATA_DIR, JWT_SECRET: 'unused' });
    const report = await seedScale({
      connectionString: server.url(template),
      students,
      seed: DEFAULT_SCALE_SEED,
      passwordHash: await createArgon2Hasher(config.argon2).hash(SCALE_PASSWORD),
      onProgress: progressReporter({ doing: 'students', done: 'students' }, { quietBelow: 0 }),
      say,
    });
    say(`scaled database: seeded in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    await client.query(`COMMENT ON DATABASE ${template} IS '${COMPLETE}'`);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]).catch(() => {});
    await client.end();
  }
}

/** Copies of this template whose process is gone (a run killed before its close()). */
async function dropStaleCopies(server: Server, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [`${template}_copy_`],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(`${template}_copy_`.length));
      if (!processAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function admin(server: Server, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
