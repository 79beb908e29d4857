import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/database.ts';
import { ConflictError } from '../../domain/errors.ts';
import { translateConstraintErrors } from './constraint-errors.ts';
import {
  DEFAULT_PREPARED_STATEMENT_LIMITS,
  type PreparedStatementLimits,
  preparingPool,
} from './prepared-statements.ts';

const t = useTestDatabase();
const opened: Kysely<unknown>[] = [];

/** One connection only, so every query and the pg_prepared_statements look-up share a session. */
function singleConnection(limits: Partial<PreparedStatementLimits> = {}): Kysely<unknown> {
  const pool = new pg.Pool({ connectionString: t.url, max: 1 });
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, { ...DEFAULT_PREPARED_STATEMENT_LIMITS, ...limits }) }),
  });
  opened.push(db);
  return db;
}

async function preparedStatements(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db);
  return rows.map((row) => row.statement);
}

const probe = (db: Kysely<unknown>, id: number) => sql`SELECT id, label FROM prep_probe WHERE id = ${id}`.execute(db);

beforeAll(async () => {
  await sql`CREATE TABLE prep_probe (id int PRIMARY KEY, label text NOT NULL CONSTRAINT prep_probe_label_key UNIQUE)`.execute(
    t.db,
  );
  await sql`INSERT INTO prep_probe VALUES (1, 'one'), (2, 'two'), (3, 'three')`.execute(t.db);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

describe('named prepared statements', () => {
  it('prepares a statement once per connection however often it runs', async () => {
    const db = singleConnection();
    const first = await probe(db, 1);
    const second = await probe(db, 2);
    expect(first.rows).toEqual([{ id: 1, label: 'one' }]);
    expect(second.rows).toEqual([{ id: 2, label: 'two' }]);
    const statements = (await preparedStatements(db)).filter((text) => text.includes('FROM prep_probe'));
    expect(statements).toEqual(['SELECT id, label FROM prep_probe WHERE id = $1']);
  });

  it('leaves transaction control, settings and DDL unnamed', async () => {
    const db = singleConnection();
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL statement_timeout = '5s'`.execute(trx);
      await probe(trx, 3);
    });
    const statements = await preparedStatements(db);
    expect(statements.filter((text) => !text.startsWith('SELECT'))).toEqual([]);
    expect(statements).toContain('SELECT id, label FROM prep_probe WHERE id = $1');
  });

  it('names no more texts on a connection than its cap and runs the rest unnamed', async () => {
    const db = singleConnection({ maxPerConnection: 2 });
    const lists = [[1], [1, 2], [1, 2, 3], [3, 2, 1, 1]];
    for (const ids of lists) {
      const { rows } = await sql`SELECT id FROM prep_probe WHERE id IN (${sql.join(ids)})`.execute(db);
      expect(rows.length).toBe(new Set(ids).size);
    }
    const inLists = (await preparedStatements(db)).filter((text) => text.includes(' IN ('));
    expect(inLists).toHaveLength(2);
  });

  it('names no more distinct texts in the process than its cap', async () => {
    const db = singleConnection({ maxNamedTexts: 1 });
    await probe(db, 1);
    await sql`SELECT label FROM prep_probe WHERE id = ${2}`.execute(db);
    const named = (await preparedStatements(db)).filter((text) => text.includes('FROM prep_probe'));
    expect(named).toEqual(['SELECT id, label FROM prep_probe WHERE id = $1']);
  });

  it('still maps a constraint violation of a named statement to its domain error', async () => {
    class LabelTakenError extends ConflictError {
      constructor() {
        super('test.label_taken', 'The label is taken');
      }
    }
    const db = singleConnection();
    const insert = (id: number) => sql`INSERT INTO prep_probe (id, label) VALUES (${id}, 'dup')`.execute(db);
    await insert(10);
    await expect(
      translateConstraintErrors(insert(11), { prep_probe_label_key: () => new LabelTakenError() }),
    ).rejects.toBeInstanceOf(LabelTakenError);
    await sql`DELETE FROM prep_probe WHERE id >= 10`.execute(db);
  });

  it('keeps working after a migration changes the columns under a prepared SELECT *', async () => {
    const db = singleConnection();
    const everything = () => sql<Record<string, unknown>>`SELECT * FROM prep_probe WHERE id = ${1}`.execute(db);
    expect((await everything()).rows).toEqual([{ id: 1, label: 'one' }]);
    await sql`ALTER TABLE prep_probe ADD COLUMN note text`.execute(t.db);
    try {
      expect((await everything()).rows).toEqual([{ id: 1, label: 'one', note: null }]);
      expect((await everything()).rows).toEqual([{ id: 1, label: 'one', note: null }]);
    } finally {
      await sql`ALTER TABLE prep_probe DROP COLUMN note`.execute(t.db);
    }
  });
});
