import type { SeedSession } from './session.ts';

/**
 * PostgreSQL's own advice for a bulk load ("Populating a Database"): a table's foreign keys and
 * plain indexes cost far more row by row than built once at the end. For the big tables they
 * are taken off and put back, in the same transaction, from their definitions in the catalog —
 * so the schema ends exactly as the migrations made it, and adding each foreign key back checks
 * every row. Primary keys, unique indexes, check constraints and triggers stay on throughout.
 */
export async function deferForeignKeysAndIndexes(
  session: SeedSession,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  const { rows: foreignKeys } = await session.query(
    `SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conrelid, conname`,
    [tables],
  );
  const { rows: indexes } = await session.query(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
     FROM pg_index i
     WHERE indrelid = ANY($1::regclass[]) AND NOT indisunique AND NOT indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY indexrelid`,
    [tables],
  );
  const keys = foreignKeys as { table_name: string; name: string; definition: string }[];
  const plain = indexes as { name: string; definition: string }[];
  for (const key of keys) await session.query(`ALTER TABLE ${key.table_name} DROP CONSTRAINT ${quote(key.name)}`);
  for (const index of plain) await session.query(`DROP INDEX ${index.name}`);
  return async () => {
    for (const index of plain) await session.query(index.definition);
    for (const key of keys) {
      await session.query(`ALTER TABLE ${key.table_name} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    }
  };
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
