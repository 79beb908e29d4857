import { PgBoss } from 'pg-boss';
import type { Logger } from '../logging.ts';
import {
  MAINTENANCE_CLEANUP_CRON,
  MAINTENANCE_CLEANUP_QUEUE,
  type createMaintenanceCleanup,
} from './maintenance-cleanup.ts';
import type { OutboxRelay } from './outbox-relay.ts';

export type Worker = { stop(): Promise<void> };

/**
 * The job worker: pg-boss (its schema is installed by a migration, so it starts with
 * `migrate: false` and never runs DDL) with cron schedules, plus the outbox relay.
 */
export async function startWorker(deps: {
  connectionString: string;
  logger: Logger;
  outboxRelay: OutboxRelay;
  cleanUp: ReturnType<typeof createMaintenanceCleanup>;
  stopTimeoutMs: number;
}): Promise<Worker> {
  const boss = new PgBoss({
    connectionString: deps.connectionString,
    application_name: 'baza-worker',
    max: 4,
    migrate: false,
    schema: 'pgboss',
  });
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'));
  await boss.start();

  await boss.createQueue(MAINTENANCE_CLEANUP_QUEUE, { retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.schedule(MAINTENANCE_CLEANUP_QUEUE, MAINTENANCE_CLEANUP_CRON);
  await boss.work(MAINTENANCE_CLEANUP_QUEUE, async () => {
    const result = await deps.cleanUp();
    deps.logger.info(result, 'maintenance cleanup done');
    return result;
  });

  deps.outboxRelay.start();
  deps.logger.info('worker started');

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        await deps.outboxRelay.stop();
        await boss.stop({ graceful: true, timeout: deps.stopTimeoutMs, close: true });
        deps.logger.info('worker stopped');
      })();
      return stopping;
    },
  };
}
