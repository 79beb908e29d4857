import { sql } from 'kysely';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from './db/database.ts';

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
};

/** One registry per container (tests build many), with process, HTTP, pool and queue metrics. */
export function createMetrics(deps: { db: Db; pool: pg.Pool }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baza_' });

  const httpDuration = new Histogram({
    name: 'baza_http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: 'baza_db_pool_connections',
    help: 'PostgreSQL pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, deps.pool.totalCount);
      this.set({ state: 'idle' }, deps.pool.idleCount);
      this.set({ state: 'waiting' }, deps.pool.waitingCount);
    },
  });

  new Gauge({
    name: 'baza_outbox_pending_events',
    help: 'Outbox events not delivered yet',
    registers: [registry],
    async collect() {
      const row = await deps.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('deliveredAt', 'is', null)
        .executeTakeFirstOrThrow();
      this.set(Number(row.count));
    },
  });

  new Gauge({
    name: 'baza_job_queue_jobs',
    help: 'Background jobs by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      // pg-boss keeps jobs in pgboss.job; counting them here works whether or not this process runs the worker.
      const result = await sql<{ name: string; state: string; count: string }>`
        SELECT name, state::text AS state, count(*) AS count FROM pgboss.job GROUP BY name, state
      `.execute(deps.db);
      this.reset();
      for (const row of result.rows) this.set({ queue: row.name, state: row.state }, Number(row.count));
    },
  });

  return { registry, httpDuration };
}
