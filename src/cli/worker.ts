import { type Container, createContainer } from '../composition-root.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { assertSchemaUpToDate, openDatabase } from './runtime.ts';
import { startWorkerFor } from './serve.ts';
import { createShutdown } from './shutdown.ts';

/** `baza worker`: scheduled jobs and outbox delivery without HTTP; returns its shutdown. */
export async function startWorkerProcess(config: Config, logger: Logger): Promise<(reason: string) => Promise<number>> {
  const database = await openDatabase(config, logger);
  let container: Container | undefined;
  try {
    await assertSchemaUpToDate(database.connectionString);
    const running = createContainer({ config, logger, connectionString: database.connectionString });
    container = running;
    const worker = await startWorkerFor(running);
    return createShutdown({
      logger,
      timeoutMs: config.shutdownTimeoutMs,
      markNotReady: () => running.health.markShuttingDown(),
      worker,
      closeContainer: () => running.close(),
      stopDatabase: () => database.stop(),
    });
  } catch (error) {
    await container?.close();
    await database.stop();
    throw error;
  }
}
