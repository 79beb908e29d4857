import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Db } from './db/database.ts';

export type CheckStatus = 'ok' | 'fail';
export type Readiness = {
  ready: boolean;
  status: 'ok' | 'fail' | 'shutting_down';
  checks: Record<string, CheckStatus>;
};

const CHECK_TIMEOUT_MS = 2_000;

/** Readiness: PostgreSQL (and Redis, when configured) answer, and the process is not draining. */
export function createHealth(deps: { db: Db; redis: Redis | undefined }) {
  let shuttingDown = false;
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => sql`SELECT 1`.execute(deps.db),
  };
  const redis = deps.redis;
  if (redis) checks.redis = () => redis.ping();

  return {
    markShuttingDown(): void {
      shuttingDown = true;
    },
    async readiness(): Promise<Readiness> {
      const entries = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => [name, await probe(check)] as const),
      );
      const results = Object.fromEntries(entries);
      const healthy = entries.every(([, status]) => status === 'ok');
      if (shuttingDown) return { ready: false, status: 'shutting_down', checks: results };
      return { ready: healthy, status: healthy ? 'ok' : 'fail', checks: results };
    },
  };
}

export type Health = ReturnType<typeof createHealth>;

async function probe(check: () => Promise<unknown>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckStatus>((resolve) => {
    timer = setTimeout(() => resolve('fail'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then((): CheckStatus => 'ok'), timeout]);
  } catch {
    return 'fail';
  } finally {
    clearTimeout(timer);
  }
}
