import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { TestApp } from './app.ts';

/** What the app's pool sent while one piece of work ran: every statement, BEGIN/COMMIT included. */
export type QueryLog = Readonly<{ count: number; statements: readonly string[] }>;

type PoolInternals = { _clients?: unknown[] };

/**
 * Records the statements the app's own pool sends while `work` runs (a wrapper around
 * `pg.Client#query`, limited to the clients of `test.container.pool`, so other pools — the test's
 * helpers, other apps — do not count). Not reentrant: one recording at a time per process.
 */
export async function recordQueries<T>(test: TestApp, work: () => Promise<T>): Promise<{ result: T; log: QueryLog }> {
  const pool = test.container.pool as unknown as PoolInternals;
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
    if (pool._clients?.includes(this)) statements.push(textOf(args[0]));
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await work();
    return { result, log: { count: statements.length, statements } };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/** One `app.inject` and the statements it sent. */
export async function injectCounted(
  test: TestApp,
  options: InjectOptions,
): Promise<{ response: LightMyRequestResponse; log: QueryLog }> {
  const { result, log } = await recordQueries(test, () => test.app.inject(options));
  return { response: result, log };
}

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (query && typeof query === 'object' && 'text' in query) return String(query.text);
  return String(query);
}
