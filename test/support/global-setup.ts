import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/shared/infrastructure/db/embedded-postgres.ts';
import { migrateUp } from '../../src/shared/infrastructure/db/migrator.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the test server's maintenance database (any database name can be swapped in). */
    adminUrl: string;
    /** A migrated database each test file clones its own database from. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run — embedded in a temporary directory, or the server in
 * DATABASE_URL — with a template database migrated once. Test files clone it (see database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ level: 'warn', format: 'pretty', destination: process.stderr });
  const external = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baza-test-'));
    const server = await startEmbeddedPostgres({ dataDir, port: 0, logger });
    adminUrl = server.connectionString('postgres');
    stopServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }

  const templateDatabase = `baza_template_${process.pid}_${Date.now().toString(36)}`;
  await admin(adminUrl, `CREATE DATABASE ${templateDatabase}`);
  await migrateUp(withDatabase(adminUrl, templateDatabase));

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await stopServer();
  };
}

export async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
