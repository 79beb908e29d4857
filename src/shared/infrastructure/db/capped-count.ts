import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * How many rows `query` matches, counting no further than `cap`: the scan stops after `cap`
 * rows, so a count over a huge table costs no more than `cap` index entries.
 */
export async function cappedCount<DB, TB extends keyof DB, O>(
  db: Db,
  query: SelectQueryBuilder<DB, TB, O>,
  cap: number,
): Promise<number> {
  const matching = query
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .limit(cap)
    .as('matching');
  const row = await db
    .selectFrom(matching)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
