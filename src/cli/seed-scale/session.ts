import pg from 'pg';
import { scaleId, sqlId } from './ids.ts';
import type { ScaleSizes } from './manifest.ts';

/** One PostgreSQL session doing the whole seed, with the facts every step needs. */
export type SeedSession = {
  readonly seed: number;
  readonly sizes: ScaleSizes;
  readonly passwordHash: string;
  query: (text: string, params?: readonly unknown[]) => Promise<pg.QueryResult>;
  /** A uuid computed in Node. */
  id: (kind: string, ...parts: readonly (number | string)[]) => string;
  /** The same uuid as an SQL expression over SQL parts. */
  sqlId: (kind: string, ...parts: readonly string[]) => string;
};

export async function openSeedSession(
  connectionString: string,
  facts: { seed: number; sizes: ScaleSizes; passwordHash: string },
): Promise<SeedSession & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  // A bulk load of a fresh database: losing the last commits in a crash only means seeding again.
  await client.query('SET synchronous_commit = off');
  await client.query("SET maintenance_work_mem = '256MB'");
  await client.query("SET work_mem = '64MB'");
  return {
    ...facts,
    query: (text, params) => client.query(text, params as unknown[]),
    id: (kind, ...parts) => scaleId(facts.seed, kind, ...parts),
    sqlId: (kind, ...parts) => sqlId(facts.seed, kind, ...parts),
    close: () => client.end(),
  };
}

/** Seconds since the Unix epoch as an SQL timestamptz. */
export function at(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
