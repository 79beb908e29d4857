import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS_DIR,
  migrateDown,
  migrateToZero,
  migrateUp,
  migrationStatus,
} from '../../src/shared/infrastructure/db/migrator.ts';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase({ empty: true });

async function userTables(): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT LIKE 'kysely_%'
    ORDER BY 1`.execute(t.db);
  return result.rows.map((row) => row.name);
}

describe('migrations', () => {
  const files = readdirSync(MIGRATIONS_DIR).filter((file) => /^\d{4}_.+\.ts$/.test(file));

  it('are numbered without gaps', () => {
    files.forEach((file, index) => expect(file.slice(0, 4)).toBe(String(index + 1).padStart(4, '0')));
  });

  it('go up from zero, down to zero, and up again', async () => {
    expect(await userTables()).toEqual([]);

    const applied = await migrateUp(t.url);
    expect(applied).toEqual(files.map((file) => `up ${file.replace(/\.ts$/, '')}`));
    const tables = await userTables();
    expect(tables).toEqual(
      expect.arrayContaining([
        'public.outbox',
        'public.idempotency_keys',
        'pgboss.job',
        'public.users',
        'public.sessions',
        'public.refresh_tokens',
        'public.one_time_tokens',
        'public.recovery_codes',
        'public.audit_events',
        'public.dev_mailbox',
        'public.tracks',
        'public.stages',
        'public.modules',
        'public.settings_versions',
        'public.questions',
      ]),
    );
    expect((await migrationStatus(t.url)).every((migration) => migration.executedAt)).toBe(true);

    const reverted = await migrateToZero(t.url);
    expect(reverted).toEqual(files.map((file) => `down ${file.replace(/\.ts$/, '')}`).reverse());
    expect(await userTables()).toEqual([]);
    const extensions = await sql<{
      extname: string;
    }>`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`.execute(t.db);
    expect(extensions.rows).toEqual([]);

    await migrateUp(t.url);
    expect(await userTables()).toEqual(tables);
  });

  it('step down one at a time and report nothing to do when done', async () => {
    const last = files.at(-1)?.replace(/\.ts$/, '');
    expect(await migrateDown(t.url)).toEqual([`down ${last}`]);
    expect((await migrationStatus(t.url)).at(-1)).toEqual({ name: last, executedAt: undefined });
    expect(await migrateUp(t.url)).toEqual([`up ${last}`]);
    expect(await migrateUp(t.url)).toEqual([]);
  });

  it('apply once when two migrators race (advisory lock)', async () => {
    await migrateToZero(t.url);
    const [first, second] = await Promise.all([migrateUp(t.url), migrateUp(t.url)]);
    expect([...first, ...second].sort()).toEqual(files.map((file) => `up ${file.replace(/\.ts$/, '')}`).sort());
  });
});
