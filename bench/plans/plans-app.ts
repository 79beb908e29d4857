import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createContainer } from '../../src/composition-root.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';

export type PlansApp = {
  app: FastifyInstance;
  /** Empties the public response cache, so the next guest read runs its SQL (a cold read). */
  dropPublicCache(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The real application, built the way `serve` and the tests build it, on the given database:
 * no worker (its background statements are not hot queries), rate limits out of the way.
 */
export async function buildPlansApp(connectionString: string): Promise<PlansApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baza-plans-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.PLANS_LOG_LEVEL ?? 'silent',
    RATE_LIMIT_MAX: '1000000',
    MFA_REQUIRED_FOR_STAFF: 'false',
    RUN_WORKER_IN_PROCESS: 'false',
  });
  const logger = createLogger({ level: config.logLevel, format: 'ecs', destination: process.stderr });
  const container = createContainer({
    config,
    logger,
    connectionString,
    rateLimitNamespace: `baza-plans-${randomBytes(6).toString('hex')}:`,
  });
  const app = await buildApp(container);
  await app.ready();
  return {
    app,
    dropPublicCache: () => container.publicCache.generation.bump(),
    async close() {
      await app.close();
      await container.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
