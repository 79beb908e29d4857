import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STUDENT_PASSWORD, demoStudentEmail } from '../../src/cli/seed-demo-students.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runBaza } from '../support/cli.ts';
import { createOwner, login } from '../support/identity.ts';

/** `baza seed demo --students N` as an operator runs it. */
function seedDemoCli(databaseUrl: string, args: string[]) {
  return runBaza(databaseUrl, ['seed', 'demo', ...args]);
}

let test: TestApp;

beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

/** Everything the demo students own, counted, to see that a second run adds nothing. */
async function journeyCounts() {
  const db = test.container.db;
  const count = async (table: 'enrollments' | 'stageProgress' | 'attempts' | 'approvalRequests' | 'certificates') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email', 'like', '%@demo.baza.local')
    .executeTakeFirstOrThrow();
  return {
    users: Number(users.n),
    enrollments: await count('enrollments'),
    stageProgress: await count('stageProgress'),
    attempts: await count('attempts'),
    approvalRequests: await count('approvalRequests'),
    certificates: await count('certificates'),
  };
}

async function distinct<T extends string>(rows: Promise<{ value: T }[]>): Promise<T[]> {
  return [...new Set((await rows).map((row) => row.value))].sort();
}

describe('baza seed demo --students', () => {
  it('needs the owner, who decides the demo approvals: without one it says how to make one', async () => {
    const run = await seedDemoCli(test.database.url, ['--students', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('baza user create-owner');
    expect((await journeyCounts()).users).toBe(0);
  }, 60_000);

  it('refuses a count that is not a whole number', async () => {
    for (const bad of ['2.5', '100000']) {
      const run = await seedDemoCli(test.database.url, ['--students', bad]);
      expect(run.code, bad).toBe(1);
      expect(run.stderr, bad).toContain('--students must be a whole number');
    }
  }, 60_000);

  it('spreads 8 verified students over every step of the journey on both tracks; a second run adds nothing', async () => {
    await createOwner(test);
    const first = await seedDemoCli(test.database.url, ['--students', '8']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`password ${DEMO_STUDENT_PASSWORD}`);
    for (let index = 1; index <= 8; index += 1) expect(first.stderr).toContain(`${demoStudentEmail(index)} (`);

    const db = test.container.db;
    const students = await db
      .selectFrom('users')
      .select(['id', 'email', 'status', 'role', 'emailVerifiedAt'])
      .where('email', 'like', '%@demo.baza.local')
      .orderBy('email')
      .execute();
    expect(students.map((student) => student.email)).toEqual(
      Array.from({ length: 8 }, (_, index) => demoStudentEmail(index + 1)),
    );
    for (const student of students) {
      expect(student).toMatchObject({ status: 'active', role: 'student' });
      expect(student.emailVerifiedAt).not.toBeNull();
    }
    // They sign in with the documented password and see their enrollment.
    const signedIn = await login(test.app, demoStudentEmail(1), DEMO_STUDENT_PASSWORD);
    const mine = await test.container.modules.progress.useCases.listEnrollments({
      id: signedIn.userId,
      role: 'student',
    });
    expect(mine).toHaveLength(1);

    // Every enrollment status, on both demo tracks.
    const enrollmentStatuses = await distinct(db.selectFrom('enrollments').select('status as value').execute());
    expect(enrollmentStatuses).toEqual(['diagnostic', 'final', 'graduated', 'learning']);
    const tracks = await distinct(
      db
        .selectFrom('enrollments')
        .innerJoin('tracks', 'tracks.id', 'enrollments.trackId')
        .select('tracks.slug as value')
        .execute(),
    );
    expect(tracks).toEqual(['backend', 'hip-hop']);

    // Every stage status, every attempt kind, passes and fails of both exam kinds.
    expect(await distinct(db.selectFrom('stageProgress').select('status as value').execute())).toEqual([
      'active',
      'completed',
      'pending_approval',
    ]);
    const outcomes = await db.selectFrom('attempts').select(['kind', 'status']).distinct().execute();
    const has = (kind: string, status: string) => outcomes.some((row) => row.kind === kind && row.status === status);
    expect(has('diagnostic', 'passed')).toBe(true);
    expect(has('minitest', 'passed')).toBe(true);
    expect(has('level_exam', 'passed')).toBe(true);
    expect(has('level_exam', 'failed')).toBe(true);
    expect(has('rank_final', 'passed')).toBe(true);
    expect(has('rank_final', 'failed')).toBe(true);
    expect(outcomes.some((row) => row.status === 'in_progress')).toBe(false);

    // The admin queue has a stage and a graduation waiting; decided requests name the owner.
    const owner = await db.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
    const requests = await db.selectFrom('approvalRequests').select(['kind', 'status', 'decidedBy']).execute();
    const pending = requests.filter((request) => request.status === 'pending');
    expect(pending.map((request) => request.kind).sort()).toEqual(['graduation', 'stage_transition']);
    const decided = requests.filter((request) => request.status !== 'pending');
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((request) => request.decidedBy === owner.id)).toBe(true);

    // The graduate's certificate verifies publicly.
    const certificates = await db.selectFrom('certificates').select('code').execute();
    expect(certificates).toHaveLength(1);
    const verification = await test.app.inject({ url: `/certificates/${certificates[0]!.code}` });
    expect(verification.statusCode).toBe(200);
    const graduate = await db
      .selectFrom('certificates')
      .innerJoin('users', 'users.id', 'certificates.userId')
      .select('users.displayName')
      .executeTakeFirstOrThrow();
    expect(verification.body).toContain(graduate.displayName);

    // The one who failed the rank final is in its cooldown.
    const cooling = await db
      .selectFrom('attempts')
      .innerJoin('tracks', 'tracks.id', 'attempts.trackId')
      .select(['attempts.userId', 'tracks.slug'])
      .where('attempts.kind', '=', 'rank_final')
      .where('attempts.status', '=', 'failed')
      .executeTakeFirstOrThrow();
    await expect(
      test.container.modules.progress.useCases.startRankFinal({ id: cooling.userId, role: 'student' }, cooling.slug),
    ).rejects.toMatchObject({ code: 'assessment.cooldown' });

    const before = await journeyCounts();
    expect(before).toMatchObject({ users: 8, enrollments: 8, certificates: 1 });
    const second = await seedDemoCli(test.database.url, ['--students', '8']);
    expect(second.code, second.stderr).toBe(0);
    for (let index = 1; index <= 8; index += 1)
      expect(second.stderr).toContain(`${demoStudentEmail(index)}: already there, left as it is`);
    expect(await journeyCounts()).toEqual(before);
  }, 120_000);

  it('with a larger N adds only the new students: the rest of the profiles, a rejection among them', async () => {
    const before = await journeyCounts();
    const run = await seedDemoCli(test.database.url, ['--students', '11']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${demoStudentEmail(8)}: already there, left as it is`);
    for (const index of [9, 10, 11]) expect(run.stderr).toContain(`${demoStudentEmail(index)} (`);
    const after = await journeyCounts();
    expect(after.users - before.users).toBe(3);
    expect(after.enrollments - before.enrollments).toBe(3);
    const db = test.container.db;
    const rejected = await db
      .selectFrom('approvalRequests')
      .innerJoin('attempts', 'attempts.id', 'approvalRequests.attemptId')
      .select(['approvalRequests.comment', 'attempts.status'])
      .where('approvalRequests.status', '=', 'rejected')
      .execute();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ status: 'annulled', comment: expect.stringMatching(/\S/) });
  }, 60_000);
});
