import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type Container, createContainer } from '../composition-root.ts';
import type { Config } from '../config.ts';
import type { DatabaseServer } from '../shared/infrastructure/db/connection.ts';
import { type Worker, startWorker } from '../shared/infrastructure/jobs/worker.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { assertSchemaUpToDate, openDatabase } from './runtime.ts';
import { createShutdown } from './shutdown.ts';
import { ensureOwner } from './user.ts';

export type RunningServer = {
  app: FastifyInstance;
  container: Container;
  url: string;
  shutdown: (reason: string) => Promise<number>;
};

/** Serves HTTP (and runs the worker in-process unless RUN_WORKER_IN_PROCESS=false). */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  let container: Container | undefined;
  try {
    await assertSchemaUpToDate(database.connectionString);
    container = createContainer({ config, logger, connectionString: database.connectionString });
    await ensureOwner(config, logger, container.modules.identity.useCases);
    return await listen(config, logger, database, container);
  } catch (error) {
    await container?.close();
    await database.stop();
    throw error;
  }
}

async function listen(config: Config, logger: Logger, database: DatabaseServer, container: Container) {
  const app = await buildApp(container);
  await app.listen({ host: config.host, port: config.port });
  let worker: Worker | undefined;
  try {
    if (config.runWorkerInProcess) worker = await startWorkerFor(container);
  } catch (error) {
    await app.close();
    throw error;
  }
  const shutdown = createShutdown({
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    markNotReady: () => container.health.markShuttingDown(),
    app,
    worker,
    closeContainer: () => container.close(),
    stopDatabase: () => database.stop(),
  });
  const address = app.server.address();
  const url = typeof address === 'object' && address ? `http://localhost:${address.port}` : config.baseUrl;
  logger.info({ url, embeddedDatabase: database.embedded, worker: Boolean(worker) }, `Baza is serving ${url}`);
  return { app, container, url, shutdown };
}

export function startWorkerFor(container: Container): Promise<Worker> {
  return startWorker({
    connectionString: container.connectionString,
    logger: container.logger,
    outboxRelay: container.outboxRelay,
    cleanUp: container.cleanUp,
    finishExpiredAttempts: () => container.modules.assessment.useCases.finishExpired(),
    stopTimeoutMs: Math.max(1_000, container.config.shutdownTimeoutMs - 1_000),
  });
}
