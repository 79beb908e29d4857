import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptScope } from '../../src/modules/assessment/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { answer, enrolledStudent, finish, getAttempt, passDiagnostic, startDiagnostic, startExam } from './support.ts';

describe('annulling an attempt', () => {
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  let rankFinal: AttemptScope;
  let stage1: AttemptScope;
  const students: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    test = await createTestApp();
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 2 });
    rankFinal = { kind: 'rank_final', trackId: track.id };
    stage1 = { kind: 'level_exam', trackId: track.id, stageId: track.stages[0]!.id };
    for (const name of ['cooled', 'passer', 'misc']) {
      students[name] = await enrolledStudent(test, track, `${name}@school.test`);
    }
  });
  afterAll(async () => test.close());

  const annul = (auth: { authorization: string } | undefined, attemptId: string, reason: unknown) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/attempts/${attemptId}/annul`,
      headers: auth ?? {},
      payload: { reason },
    });

  const failedRankFinal = async (student: LoggedIn) => {
    const { attemptId } = await startExam(test, student.userId, track, rankFinal);
    expect((await finish(test, student.auth, attemptId)).json()).toMatchObject({ status: 'failed' });
    return attemptId;
  };

  it('is for admins and the owner only, and needs a reason', async () => {
    const attemptId = await failedRankFinal(students.misc!);
    expect((await annul(undefined, attemptId, 'network')).statusCode).toBe(401);
    for (const who of [students.misc!, staff.student, staff.moderator]) {
      const refused = await annul(who.auth, attemptId, 'network');
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().code).toBe('forbidden');
    }
    for (const reason of ['', '   ', 'x'.repeat(2001)]) {
      const refused = await annul(staff.admin.auth, attemptId, reason);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'invalid_annul_reason', errors: [{ path: '/reason' }] });
    }
    expect((await annul(staff.admin.auth, attemptId, undefined)).statusCode).toBe(400);
    const row = await test.container.db
      .selectFrom('attempts')
      .select('status')
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    const owner = await annul(staff.owner.auth, attemptId, 'x'.repeat(2000));
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('lifts the cooldown of a failed attempt, with the reason audited and shown', async () => {
    const student = students.cooled!;
    const attemptId = await failedRankFinal(student);
    await expect(startExam(test, student.userId, track, rankFinal)).rejects.toMatchObject({
      code: 'assessment.cooldown',
      retryAfterSeconds: 3600,
    });

    const annulled = await annul(staff.admin.auth, attemptId, '  The power went out in the exam room.  ');
    expect(annulled.statusCode, annulled.body).toBe(200);
    expect(annulled.headers['cache-control']).toBe('no-store');
    expect(annulled.json()).toMatchObject({
      id: attemptId,
      status: 'annulled',
      annulReason: 'The power went out in the exam room.',
      kind: 'rank_final',
    });
    const audit = await test.container.db
      .selectFrom('auditEvents')
      .select(['actorId', 'subjectId', 'details'])
      .where('action', '=', 'attempt.annulled')
      .where('subjectId', '=', attemptId)
      .execute();
    expect(audit).toEqual([
      {
        actorId: staff.admin.userId,
        subjectId: attemptId,
        details: expect.objectContaining({ userId: student.userId, reason: 'The power went out in the exam room.' }),
      },
    ]);
    const view = (await getAttempt(test, student.auth, attemptId)).json();
    expect(view).toMatchObject({
      status: 'annulled',
      result: { status: 'annulled', passed: false },
      annulReason: 'The power went out in the exam room.',
    });

    const next = await startExam(test, student.userId, track, rankFinal);
    expect(next.created).toBe(true);
    await finish(test, student.auth, next.attemptId);
  });

  it('lifts the pass lock of a level exam and rejects its pending approval', async () => {
    const student = students.passer!;
    await passDiagnostic(test, track, student.auth);
    const { attemptId } = await startExam(test, student.userId, track, stage1);
    await answer(test, student.auth, attemptId, 4);
    expect((await finish(test, student.auth, attemptId)).json()).toMatchObject({ status: 'passed' });
    await expect(startExam(test, student.userId, track, stage1)).rejects.toMatchObject({
      code: 'assessment.already_passed',
    });
    const pending = await test.container.db
      .selectFrom('approvalRequests')
      .select('status')
      .where('attemptId', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');

    expect((await annul(staff.owner.auth, attemptId, 'Answers leaked before the exam.')).statusCode).toBe(200);
    const request = await test.container.db
      .selectFrom('approvalRequests')
      .select('status')
      .where('attemptId', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('rejected');
    const stage = await test.container.db
      .selectFrom('stageProgress')
      .select('status')
      .where('userId', '=', student.userId)
      .where('stageId', '=', track.stages[0]!.id)
      .executeTakeFirstOrThrow();
    expect(stage.status).toBe('active');
    const retake = await startExam(test, student.userId, track, stage1);
    expect(retake.created).toBe(true);
  });

  it('annuls finished attempts only, once, never a diagnostic; unknown ids are 404', async () => {
    const student = students.misc!;
    const diagnostic = await startDiagnostic(test, track, student.auth);
    const inProgress = await annul(staff.admin.auth, diagnostic, 'too early');
    expect(inProgress.statusCode).toBe(409);
    expect(inProgress.json().code).toBe('attempt_not_finished');
    await finish(test, student.auth, diagnostic);
    const once = await annul(staff.admin.auth, diagnostic, 'never');
    expect(once.statusCode).toBe(409);
    expect(once.json().code).toBe('diagnostic_not_annullable');

    const attemptId = await failedRankFinal(student);
    expect((await annul(staff.admin.auth, attemptId, 'first')).statusCode).toBe(200);
    const twice = await annul(staff.admin.auth, attemptId, 'second');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('attempt_already_annulled');

    for (const id of [crypto.randomUUID(), 'nope']) {
      const missing = await annul(staff.admin.auth, id, 'why');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('attempt_not_found');
    }
  });

  it('annuls for approvals in their transaction without an audit event of its own', async () => {
    const student = students.passer!;
    const attemptId = await failedRankFinal(student);
    const at = new Date();
    await test.container.db
      .transaction()
      .execute((tx) =>
        test.container.modules.assessment
          .annulmentFor(tx)
          .annul(attemptId, { reason: 'rejected by the reviewer', by: staff.admin.userId, at }),
      );
    const report = await test.container.modules.assessment.readsFor(test.container.db).byId(attemptId);
    expect(report).toMatchObject({ status: 'annulled', annulReason: 'rejected by the reviewer' });
    const audit = await test.container.db
      .selectFrom('auditEvents')
      .select('id')
      .where('subjectId', '=', attemptId)
      .execute();
    expect(audit).toEqual([]);
  });
});
