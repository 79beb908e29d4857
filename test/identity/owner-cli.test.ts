import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOwner } from '../../src/cli/user.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runBaza } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { login, register, STRONG_PASSWORD } from '../support/identity.ts';

/** `baza user create-owner …` as an operator runs it, against `databaseUrl` (cheap argon2 for speed). */
function createOwnerCli(
  databaseUrl: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
) {
  return runBaza(databaseUrl, ['user', 'create-owner', ...args], {
    ...options,
    env: { ARGON2_MEMORY_KIB: '8192', ARGON2_ITERATIONS: '1', ...options.env },
  });
}

let database: TestDatabase;
let test: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  // The app on the same database the CLI writes to.
  test = await createTestApp({ connectionString: database.url });
});
afterAll(async () => {
  await test?.close();
  await database?.drop();
});

const usersWithEmail = (email: string) =>
  test.container.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).execute();

// Each run starts a Node process with tsx: seconds, not milliseconds.
describe('baza user create-owner', { timeout: 60_000 }, () => {
  it('refuses a weak or common password (from OWNER_PASSWORD) and creates nothing', async () => {
    for (const password of ['seven77', 'password123']) {
      const run = await createOwnerCli(database.url, ['--email', 'owner@school.test', '--locale', 'en'], {
        env: { OWNER_PASSWORD: password },
      });
      expect(run.code, run.stdout + run.stderr).not.toBe(0);
      expect(run.stdout + run.stderr).not.toContain(password);
      expect(await usersWithEmail('owner@school.test')).toEqual([]);
    }
  });

  it('refuses an address that already has an account', async () => {
    await register(test.app, 'student@school.test');
    const run = await createOwnerCli(database.url, ['--email', 'student@school.test', '--locale', 'en'], {
      stdin: `${STRONG_PASSWORD}\n`,
    });
    expect(run.code).not.toBe(0);
    expect(await usersWithEmail('student@school.test')).toEqual([expect.objectContaining({ role: 'student' })]);
  });

  it('creates the owner, active and verified, with the password read from stdin (never echoed)', async () => {
    const run = await createOwnerCli(
      database.url,
      ['--email', ' Owner@School.test ', '--name', 'Olga Owner', '--locale', 'en'],
      { stdin: `${STRONG_PASSWORD}\n` },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/created the owner owner@school\.test/);
    expect(run.stdout + run.stderr).not.toContain(STRONG_PASSWORD);

    const owner = await login(test.app, 'owner@school.test');
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.auth });
    expect(me.json()).toMatchObject({
      email: 'owner@school.test',
      displayName: 'Olga Owner',
      locale: 'en',
      role: 'owner',
      status: 'active',
      emailVerifiedAt: expect.any(String),
    });
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: owner.auth })).statusCode).toBe(
      200,
    );
    const audit = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/audit-events?action=user.owner_created',
      headers: owner.auth,
    });
    expect(audit.json().items).toEqual([expect.objectContaining({ subjectId: owner.userId, actorId: null })]);
  });

  it('refuses a second owner', async () => {
    const run = await createOwnerCli(database.url, ['--email', 'second@school.test', '--locale', 'en'], {
      env: { OWNER_PASSWORD: 'another strong passphrase' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/owner/i);
    expect(await usersWithEmail('second@school.test')).toEqual([]);
    const owners = await test.container.db.selectFrom('users').select('id').where('role', '=', 'owner').execute();
    expect(owners).toHaveLength(1);
  });
});

describe('the owner from OWNER_EMAIL on start', () => {
  it('is created once, and only when there is none', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      format: 'ecs',
      destination: new Writable({
        write(chunk: Buffer, _encoding, callback) {
          lines.push(chunk.toString('utf8'));
          callback();
        },
      }),
    });
    const app = await createTestApp({
      env: { OWNER_EMAIL: 'boss@school.test', OWNER_PASSWORD: 'the boss passphrase 1', OWNER_NAME: 'Boss' },
    });
    try {
      const useCases = app.container.modules.identity.useCases;
      await ensureOwner(app.container.config, logger, useCases);
      await ensureOwner(app.container.config, logger, useCases);
      const boss = await login(app.app, 'boss@school.test', 'the boss passphrase 1');
      const me = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: boss.auth });
      expect(me.json()).toMatchObject({ role: 'owner', displayName: 'Boss', status: 'active' });
      const owners = await app.container.db.selectFrom('users').select('id').where('role', '=', 'owner').execute();
      expect(owners).toHaveLength(1);
      expect(lines.join('')).not.toContain('the boss passphrase 1');
    } finally {
      await app.close();
    }
  });
});
