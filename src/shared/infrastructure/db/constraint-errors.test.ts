import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { ConflictError } from '../../domain/errors.ts';
import { createLogger } from '../logging.ts';
import { translateConstraintErrors, violatedConstraint } from './constraint-errors.ts';
import { createDatabase, type DatabaseHandle } from './database.ts';

class KeyTakenError extends ConflictError {
  constructor() {
    super('test.key_taken', 'The key is taken');
  }
}

let database: TestDatabase;
let handle: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDatabase({
    connectionString: database.url,
    maxConnections: 2,
    logger: createLogger({ level: 'silent', format: 'ecs' }),
  });
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const insertKey = (key: string, state = 'in_flight') =>
  sql`INSERT INTO idempotency_keys (scope, key, request_hash, state, expires_at)
      VALUES ('scope', ${key}, 'hash', ${state}, now() + interval '1 hour')`.execute(handle.db);

describe('constraint violations', () => {
  it('become the domain error mapped to the violated constraint', async () => {
    await insertKey('k1');
    await expect(
      translateConstraintErrors(insertKey('k1'), { idempotency_keys_pkey: () => new KeyTakenError() }),
    ).rejects.toBeInstanceOf(KeyTakenError);
  });

  it('pass through unchanged when the constraint is not mapped', async () => {
    const failure = translateConstraintErrors(() => insertKey('k2', 'bogus'), {
      idempotency_keys_pkey: () => new KeyTakenError(),
    });
    await expect(failure).rejects.toMatchObject({ code: '23514', constraint: 'idempotency_keys_state' });
  });

  it('are recognised only for integrity errors', async () => {
    const syntaxError = await sql`SELEC 1`.execute(handle.db).catch((error: unknown) => error);
    expect(violatedConstraint(syntaxError)).toBeUndefined();
    const checkError = await insertKey('k3', 'bogus').catch((error: unknown) => error);
    expect(violatedConstraint(checkError)).toBe('idempotency_keys_state');
  });
});
