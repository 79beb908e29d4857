import { PgBoss } from 'pg-boss';
import type { Logger } from '../logging.ts';
import {
  MAINTENANCE_CLEANUP_CRON,
  MAINTENANCE_CLEANUP_QUEUE,
  type createMaintenanceCleanup,
} from './maintenance-cleanup.ts';
import type { OutboxRelay } from './outbox-relay.ts';

export type Worker = { stop(): Promise<void> };

/** Finishes attempts whose time is up (assessment): every minute, one run at a time. */
export const ATTEMPT_EXPIRY_QUEUE = 'assessment.finish-expired';
export const ATTEMPT_EXPIRY_CRON = '* * * * *';

/**
 * The job worker: pg-boss (its schema is installed by a migration, so it starts with
 * `migrate: false` and never runs DDL) with cron schedules, plus the outbox relay.
 */
export async function startWorker(deps: {
  connectionString: string;
  logger: Logger;
  outboxRelay: OutboxRelay;
  cleanUp: ReturnType<typeof createMaintenanceCleanup>;
  /** The expiry job's use case; returns how many attempts it finished. Not scheduled when left out. */
  finishExpiredAttempts?: () => Promise<number>;
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

  const finishExpired = deps.finishExpiredAttempts;
  if (finishExpired) {
    // 'exclusive': a slow run is never joined by the next minute's; what it leaves, the next one takes.
    await boss.createQueue(ATTEMPT_EXPIRY_QUEUE, { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300 });
    await boss.schedule(ATTEMPT_EXPIRY_QUEUE, ATTEMPT_EXPIRY_CRON);
    await boss.work(ATTEMPT_EXPIRY_QUEUE, async () => {
      const finished = await finishExpired();
      if (finished > 0) deps.logger.info({ finished }, 'expired attempts finished');
      else deps.logger.debug({ finished }, 'no expired attempts');
      return { finished };
    });
  }

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
