import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertSchemaUpToDate } from '../../src/cli/runtime.ts';
import { migrateDown } from '../../src/shared/infrastructure/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

it('lets the server start on a migrated database and refuses a database that is behind', async () => {
  await expect(assertSchemaUpToDate(database.url)).resolves.toBeUndefined();
  await migrateDown(database.url);
  await expect(assertSchemaUpToDate(database.url)).rejects.toThrow(
    /^the database schema is not up to date \(pending: \d{4}_\w+\); run `baza migrate up` first$/,
  );
});
