import { type Kysely, sql } from 'kysely';
import { getConstructionPlans } from 'pg-boss';

/**
 * pg-boss's own schema, installed here so that the worker never runs DDL (it starts with
 * `migrate: false`). pg-boss is pinned to a patch range in package.json: a pg-boss upgrade that
 * changes its schema version needs a new migration built from `getMigrationPlans`.
 *
 * pg-boss wraps its plan in BEGIN/COMMIT; this migration already runs inside the migrator's
 * transaction, so the wrapper is removed and the whole batch stays atomic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const plan = getConstructionPlans('pgboss').trim();
  if (!plan.startsWith('BEGIN;') || !plan.endsWith('COMMIT;')) {
    throw new Error('unexpected pg-boss construction plan: expected a BEGIN; … COMMIT; block');
  }
  await sql.raw(plan.slice('BEGIN;'.length, -'COMMIT;'.length)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP SCHEMA pgboss CASCADE`.execute(db);
}
