import { sql } from 'kysely';
import type { DeliveredEvent, OutboxHandlers } from '../../application/outbox.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging.ts';

const BATCH_SIZE = 50;
const MAX_BACKOFF_SECONDS = 3600;
/** A handler that takes longer counts as failed, so one hung handler cannot hold the batch. */
const HANDLER_TIMEOUT_MS = 30_000;

export type OutboxRelay = {
  /** One pass over the events that are due; returns how many were delivered. */
  deliverDue(): Promise<number>;
  start(): void;
  /** Stops polling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
};

/**
 * Delivers committed outbox events to in-process handlers at least once. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several workers share the work without delivering an event twice at
 * the same time. A handler that throws leaves its event pending with exponential backoff; the
 * other events of the batch are delivered regardless.
 */
export function createOutboxRelay(deps: {
  db: Db;
  handlers: OutboxHandlers;
  logger: Logger;
  pollMs: number;
}): OutboxRelay {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function deliverDue(): Promise<number> {
    return deps.db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('outbox')
        .select(['id', 'type', 'payload', 'occurredAt', 'attempts'])
        .where('deliveredAt', 'is', null)
        .where('nextAttemptAt', '<=', sql<Date>`now()`)
        .orderBy('nextAttemptAt')
        .orderBy('id')
        .limit(BATCH_SIZE)
        .forUpdate()
        .skipLocked()
        .execute();
      let delivered = 0;
      for (const row of due) {
        const event: DeliveredEvent = {
          id: row.id,
          type: row.type,
          payload: row.payload as Record<string, unknown>,
          occurredAt: row.occurredAt,
        };
        const failure = await runHandlers(event);
        if (failure === undefined) {
          await tx
            .updateTable('outbox')
            .set({ deliveredAt: sql<Date>`now()`, lastError: null })
            .where('id', '=', row.id)
            .execute();
          delivered += 1;
        } else {
          const backoff = Math.min(2 ** row.attempts, MAX_BACKOFF_SECONDS);
          await tx
            .updateTable('outbox')
            .set({
              attempts: row.attempts + 1,
              lastError: failure.slice(0, 2000),
              nextAttemptAt: sql<Date>`now() + make_interval(secs => ${backoff})`,
            })
            .where('id', '=', row.id)
            .execute();
        }
      }
      return delivered;
    });
  }

  async function runHandlers(event: DeliveredEvent): Promise<string | undefined> {
    for (const handler of deps.handlers.get(event.type) ?? []) {
      try {
        await withTimeout(handler(event), HANDLER_TIMEOUT_MS);
      } catch (error) {
        deps.logger.error(
          { err: error, eventId: event.id, eventType: event.type },
          'outbox handler failed; will retry',
        );
        // PostgreSQL text cannot hold NUL.
        return (error instanceof Error ? error.message : String(error)).replaceAll('\0', '');
      }
    }
    return undefined;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = deliverDue()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'outbox relay pass failed'))
        .finally(schedule);
    }, deps.pollMs);
  }

  return {
    deliverDue,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
