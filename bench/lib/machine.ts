import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import type { Machine } from './report-types.ts';

export async function describeMachine(connectionString: string): Promise<Machine> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.availableParallelism(),
      ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      postgres: rows[0]?.server_version ?? 'unknown',
      loadAverage: os.loadavg(),
    };
  } finally {
    await client.end();
  }
}

/** Runs git in the working directory; undefined when git or the object is missing. */
export function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
