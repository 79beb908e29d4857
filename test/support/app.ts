import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Container, createContainer } from '../../src/composition-root.ts';
import { type Environment, loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/shared/application/clock.ts';
import type { OutboxHandler } from '../../src/shared/application/outbox.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-production-use';

export type TestApp = {
  app: FastifyInstance;
  container: Container;
  database: TestDatabase;
  close(): Promise<void>;
};

/**
 * The real application on a database of its own. `routes` may add test-only routes before the
 * app is ready (e.g. one throwing each kind of domain error).
 */
export async function createTestApp(
  options: {
    env?: Environment;
    outboxHandlers?: Record<string, OutboxHandler[]>;
    routes?: (app: FastifyInstance) => void | Promise<void>;
    connectionString?: string;
    /** Receives the ECS JSON log lines (at LOG_LEVEL, default silent). */
    logStream?: NodeJS.WritableStream;
    /** Controls "now" for the app (token lifetimes, sessions, TOTP). */
    clock?: Clock;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'baza-app-')),
    JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const logger = createLogger({
    level: config.logLevel,
    format: 'ecs',
    destination: options.logStream ?? process.stderr,
  });
  const container = createContainer({
    config,
    logger,
    connectionString: options.connectionString ?? database.url,
    ...(options.outboxHandlers ? { outboxHandlers: options.outboxHandlers } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    // Test apps may share the machine's Redis: each counts its own rate limits.
    rateLimitNamespace: `baza-test-${randomUUID()}:`,
  });
  const app = await buildApp(container);
  await options.routes?.(app);
  await app.ready();
  return {
    app,
    container,
    database,
    async close() {
      await app.close();
      await container.close();
      await database.drop();
    },
  };
}

/** Cookie header value from a response's Set-Cookie headers (name=value pairs only). */
export function cookiesFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((cookie) => cookie.split(';')[0]).join('; ');
}
