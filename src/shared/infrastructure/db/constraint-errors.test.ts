import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/database.ts';
import { ConflictError } from '../../domain/errors.ts';
import { translateConstraintErrors, violatedConstraint } from './constraint-errors.ts';

class KeyTakenError extends ConflictError {
  constructor() {
    super('test.key_taken', 'The key is taken');
  }
}

const t = useTestDatabase();

const insertKey = (key: string, state = 'in_flight') =>
  sql`INSERT INTO idempotency_keys (scope, key, owner, request_hash, state, expires_at)
      VALUES ('scope', ${key}, gen_random_uuid(), 'hash', ${state}, now() + interval '1 hour')`.execute(t.db);

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
    const syntaxError = await sql`SELEC 1`.execute(t.db).catch((error: unknown) => error);
    expect(violatedConstraint(syntaxError)).toBeUndefined();
    const checkError = await insertKey('k3', 'bogus').catch((error: unknown) => error);
    expect(violatedConstraint(checkError)).toBe('idempotency_keys_state');
  });

  it('include the violations our triggers raise, named by the trigger', async () => {
    await sql`INSERT INTO tracks (id, slug, title, created_at, updated_at) VALUES (gen_random_uuid(), 'frozen', 'Frozen', now(), now())`.execute(
      t.db,
    );
    await sql`INSERT INTO settings_versions (track_id, version, params, created_at) SELECT id, 1, '{}', now() FROM tracks WHERE slug = 'frozen'`.execute(
      t.db,
    );
    const update = sql`UPDATE settings_versions SET note = 'changed'`.execute(t.db);
    await expect(
      translateConstraintErrors(update, { settings_versions_immutable: () => new KeyTakenError() }),
    ).rejects.toBeInstanceOf(KeyTakenError);
  });
});
