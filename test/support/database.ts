import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { admin, withDatabase } from './global-setup.ts';

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

/** A database of this test file's own, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `baza_test_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? 'template0' : inject('templateDatabase');
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
