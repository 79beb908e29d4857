import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installStatementCapture, type StatementCapture } from '../../bench/plans/capture.ts';
import { summarizePlan } from '../../bench/plans/plan-analysis.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { login, register, registeredUser } from '../support/identity.ts';

describe('statement capture on the real app', () => {
  let test: TestApp;
  let capture: StatementCapture;

  beforeAll(async () => {
    test = await createTestApp();
    capture = installStatementCapture();
  });
  afterAll(async () => {
    capture.uninstall();
    await test.close();
  });

  it('sees the statements of a request and explains each with its own parameters', async () => {
    const { auth } = await registeredUser(test, 'reader@school.test');
    const statements = await capture.during('me', async () => {
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
      expect(response.statusCode).toBe(200);
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((statement) => statement.operation === 'me')).toBe(true);
    const userRead = statements.find((statement) => /from "users"/.test(statement.sql));
    expect(userRead?.kind).toBe('read');
    expect(userRead?.params.length).toBeGreaterThan(0);
    const summary = summarizePlan(userRead!.explain!);
    expect(summary.scans.some((scan) => scan.relation === 'users')).toBe(true);
    // EXPLAIN ANALYZE ran the statement: it found the signed-in user.
    expect(summary.scans.find((scan) => scan.relation === 'users')?.rowsRead).toBeGreaterThan(0);
  });

  it('explains writes inside the transaction without changing what the request does', async () => {
    const statements = await capture.during('register', () => register(test.app, 'writer@school.test'));
    const machinery = statements.filter((statement) => statement.kind === 'machinery');
    expect(machinery.map((statement) => statement.sql.toLowerCase())).toEqual(
      expect.arrayContaining(['begin', 'commit']),
    );
    expect(machinery.every((statement) => statement.explain === undefined)).toBe(true);
    const insert = statements.find((statement) => /^insert into "users"/i.test(statement.sql));
    expect(insert?.kind).toBe('write');
    expect(insert?.explain?.[0]?.Plan['Node Type']).toBe('ModifyTable');
    expect(insert?.explainError).toBeUndefined();
    // The explained insert was rolled back to its savepoint; the real one committed once.
    const users = await test.container.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'writer@school.test')
      .execute();
    expect(users).toHaveLength(1);
  });

  it('leaves statements issued outside the operation alone, even when they run at the same time', async () => {
    // A signed-in read: never answered from the public response cache.
    const { auth } = await login(test.app, 'reader@school.test');
    const me = () => test.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
    const alone = await capture.during('me', async () => {
      await me();
    });
    expect(alone.length).toBeGreaterThan(0);
    const [together] = await Promise.all([
      capture.during('me', async () => {
        await me();
      }),
      me(),
      me(),
    ]);
    expect(together.map((statement) => statement.sql)).toEqual(alone.map((statement) => statement.sql));
  });
});
