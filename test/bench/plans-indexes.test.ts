import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDown, migrateUp } from '../../src/shared/infrastructure/db/migrator.ts';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase({ empty: true });

const HOT_QUERY_INDEXES = [
  'approval_requests_track_waits_idx',
  'articles_listed_tags_idx',
  'attempts_track_outcomes_idx',
  'enrollments_enrolled_at_idx',
  'questions_bank_idx',
];

async function searchStorage(): Promise<string | undefined> {
  const result = await sql<{ attstorage: string }>`
    SELECT attstorage FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'search'`.execute(t.db);
  return result.rows[0]?.attstorage;
}

async function hotQueryIndexes(): Promise<string[]> {
  const result = await sql<{ indexname: string }>`
    SELECT indexname FROM pg_indexes WHERE indexname = ANY(${HOT_QUERY_INDEXES}) ORDER BY 1`.execute(t.db);
  return result.rows.map((row) => row.indexname);
}

describe('migration 0013: hot query indexes', () => {
  it('creates the indexes the query-plan check asked for, keeps the search vector in the row, and undoes both', async () => {
    await migrateUp(t.url);
    expect(await hotQueryIndexes()).toEqual(HOT_QUERY_INDEXES);
    expect(await searchStorage()).toBe('m');
    while ((await hotQueryIndexes()).length > 0) {
      const [step] = await migrateDown(t.url);
      expect(step, 'migration 0013 went down without dropping its indexes').toBeDefined();
      if (step === 'down 0013_hot_query_indexes') break;
    }
    expect(await hotQueryIndexes()).toEqual([]);
    expect(await searchStorage()).toBe('x');
    await migrateUp(t.url);
    expect(await hotQueryIndexes()).toEqual(HOT_QUERY_INDEXES);
  });
});
