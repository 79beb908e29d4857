import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type LoggedIn, registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { journeyOf, requestOf } from './journey.ts';

const asStudent = (session: LoggedIn) => ({ id: session.userId, role: 'student' as const });

describe('approval decisions through the API', () => {
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  let counter = 0;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '50000' } });
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
  });
  afterAll(async () => test?.close());

  /** A new student with a pending stage-1 request. */
  async function pendingStudent() {
    counter += 1;
    const session = await registeredUser(test, `learner${counter}@school.test`);
    const journey = journeyOf(test, asStudent(session), track);
    const attemptId = await journey.toFirstRequest();
    const request = await requestOf(test, session.auth, track.id);
    return { session, journey, attemptId, requestId: request.id };
  }

  const post = (url: string, who: { authorization: string }, payload: object = {}) =>
    test.app.inject({ method: 'POST', url, headers: who, payload });

  const auditCount = async (action: string, subjectId: string) =>
    (
      await test.container.db
        .selectFrom('auditEvents')
        .select('actorId')
        .where('action', '=', action)
        .where('subjectId', '=', subjectId)
        .execute()
    ).map((row) => row.actorId);

  const decidedEvents = async (requestId: string) =>
    (
      await test.container.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('type', 'in', ['approval.requested', 'approval.decided'])
        .execute()
    ).filter((row) => (row.payload as { requestId?: string }).requestId === requestId);

  it('a pass opens one pending request, listed for the student and queued for admins with its facts', async () => {
    const { session, requestId, attemptId } = await pendingStudent();
    const mine = await test.app.inject({ url: `/api/v1/me/approvals/${requestId}`, headers: session.auth });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: requestId,
      kind: 'stage_transition',
      status: 'pending',
      attemptId,
      automatic: false,
      decidedBy: null,
      decidedAt: null,
      student: { id: session.userId, email: 'learner1@school.test' },
      track: { id: track.id, slug: track.slug },
      stage: { id: track.stages[0]!.id, position: 1 },
      score: 100,
    });
    const queue = await test.app.inject({
      url: `/api/v1/admin/approvals?status=pending&trackId=${track.id}`,
      headers: staff.admin.auth,
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.headers['cache-control']).toBe('no-store');
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(requestId);
    expect((await decidedEvents(requestId)).map((event) => event.type)).toEqual(['approval.requested']);
    // Someone else's request is not there for a student, nor for another student.
    const other = await registeredUser(test, 'bystander@school.test');
    const probe = await test.app.inject({ url: `/api/v1/me/approvals/${requestId}`, headers: other.auth });
    expect(probe.statusCode).toBe(404);
    const list = await test.app.inject({ url: '/api/v1/me/approvals', headers: other.auth });
    expect(list.json()).toEqual({ items: [], total: 0 });
  });

  it('the dossier holds the stage’s attempts with per-module results, mastery, articles and history', async () => {
    const { requestId, attemptId, session } = await pendingStudent();
    const response = await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.owner.auth });
    expect(response.statusCode, response.body).toBe(200);
    const dossier = response.json();
    expect(dossier.request.id).toBe(requestId);
    expect(dossier.attempts).toHaveLength(1);
    expect(dossier.attempts[0]).toMatchObject({ id: attemptId, kind: 'level_exam', status: 'passed', score: 100 });
    expect(dossier.attempts[0].durationSeconds).toBeGreaterThanOrEqual(0);
    const perModuleTotal = dossier.attempts[0].perModule.reduce(
      (sum: number, m: { total: number }) => sum + m.total,
      0,
    );
    expect(perModuleTotal).toBe(dossier.attempts[0].total);
    expect(dossier.mastery.map((m: { moduleId: string }) => m.moduleId).sort()).toEqual(
      track.modules.map((m) => m.id).sort(),
    );
    expect(dossier.mastery.every((m: { answered: number }) => m.answered > 0)).toBe(true);
    expect(dossier.articles.length).toBeGreaterThan(0);
    expect(
      dossier.articles.every((a: { done: boolean; stageId: string }) => a.done && a.stageId === track.stages[0]!.id),
    ).toBe(true);
    expect(dossier.articles.map((a: { article: { id: string } }) => a.article.id)).toEqual(
      expect.arrayContaining(track.coreArticles.get(track.stages[0]!.id)!),
    );
    expect(dossier.enrollment).toMatchObject({ status: 'learning', extraTimePercent: 0 });
    expect(dossier.history).toEqual([]);
    // After a rejection and a new pass, the first request is history.
    const rejected = await post(`/api/v1/admin/approvals/${requestId}/reject`, staff.admin.auth, { comment: 'Again.' });
    expect(rejected.statusCode).toBe(200);
    const journey = journeyOf(test, asStudent(session), track);
    const secondAttempt = await journey.levelExam(1);
    const second = await requestOf(test, session.auth, track.id);
    const next = (
      await test.app.inject({ url: `/api/v1/admin/approvals/${second.id}`, headers: staff.owner.auth })
    ).json();
    expect(next.history.map((h: { id: string; status: string }) => [h.id, h.status])).toEqual([
      [requestId, 'rejected'],
    ]);
    expect(next.attempts.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [secondAttempt, 'passed'],
      [attemptId, 'annulled'],
    ]);
    expect(next.attempts[1].annulReason).toBe('Again.');
  });

  it('approving moves the student to the next stage once, audited, and a second decision is 409', async () => {
    const { journey, requestId } = await pendingStudent();
    const approved = await post(`/api/v1/admin/approvals/${requestId}/approve`, staff.admin.auth, {
      comment: ' Well done! ',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      comment: 'Well done!',
      automatic: false,
      decidedBy: { id: staff.admin.userId },
    });
    expect((await journey.stages()).map((stage) => stage.status)).toEqual(['completed', 'active']);
    for (const [url, payload] of [
      [`/api/v1/admin/approvals/${requestId}/approve`, {}],
      [`/api/v1/admin/approvals/${requestId}/reject`, { comment: 'Too late.' }],
    ] as const) {
      const again = await post(url, staff.owner.auth, payload);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('already_decided');
    }
    expect(await auditCount('approval.approved', requestId)).toEqual([staff.admin.userId]);
    expect((await decidedEvents(requestId)).map((event) => event.type).sort()).toEqual([
      'approval.decided',
      'approval.requested',
    ]);
  });

  it('a rejection needs a comment, annuls the attempt and opens the stage again for a retake', async () => {
    const { journey, requestId, attemptId, session } = await pendingStudent();
    for (const payload of [{}, { comment: '' }, { comment: ' \n\t ' }]) {
      const refused = await post(`/api/v1/admin/approvals/${requestId}/reject`, staff.admin.auth, payload);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('comment_required');
    }
    const tooLong = await post(`/api/v1/admin/approvals/${requestId}/reject`, staff.admin.auth, {
      comment: 'x'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(422);
    expect((await journey.stages())[0]!.status).toBe('pending_approval');

    const rejected = await post(`/api/v1/admin/approvals/${requestId}/reject`, staff.admin.auth, {
      comment: 'Review <joins> & try again.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', comment: 'Review <joins> & try again.' });
    const attempt = await test.container.modules.assessment.readsFor(test.container.db).byId(attemptId);
    expect(attempt).toMatchObject({ status: 'annulled', annulReason: 'Review <joins> & try again.' });
    const progress = await journey.progress();
    expect(progress.stages.map((stage) => stage.status)).toEqual(['active', 'locked']);
    expect(progress.lastDecision).toMatchObject({ status: 'rejected', comment: 'Review <joins> & try again.' });
    expect(await auditCount('approval.rejected', requestId)).toEqual([staff.admin.userId]);
    // The stage is open again: a new exam, a new pass, a new pending request.
    await journey.levelExam(1);
    const again = await requestOf(test, session.auth, track.id);
    expect(again.id).not.toBe(requestId);
  });

  it('of ten parallel mixed decisions on one request exactly one wins; the journey moves once', async () => {
    const { journey, requestId, attemptId } = await pendingStudent();
    const deciders = [staff.admin, staff.owner];
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0
          ? post(`/api/v1/admin/approvals/${requestId}/approve`, deciders[index % 4 < 2 ? 0 : 1]!.auth)
          : post(`/api/v1/admin/approvals/${requestId}/reject`, deciders[index % 4 < 2 ? 0 : 1]!.auth, {
              comment: `No (${index}).`,
            }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    const winner = responses.find((response) => response.statusCode === 200)!.json<{ status: string }>();
    const stages = (await journey.stages()).map((stage) => stage.status);
    const attempt = await test.container.modules.assessment.readsFor(test.container.db).byId(attemptId);
    if (winner.status === 'approved') {
      expect(stages).toEqual(['completed', 'active']);
      expect(attempt?.status).toBe('passed');
    } else {
      expect(stages).toEqual(['active', 'locked']);
      expect(attempt?.status).toBe('annulled');
    }
    const audited = [
      ...(await auditCount('approval.approved', requestId)),
      ...(await auditCount('approval.rejected', requestId)),
    ];
    expect(audited).toHaveLength(1);
    expect((await decidedEvents(requestId)).filter((event) => event.type === 'approval.decided')).toHaveLength(1);
  });

  it('rejections racing annulments of the same attempt: one of them acts, the others get 409, none fails', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { journey, requestId, attemptId } = await pendingStudent();
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          index % 2 === 0
            ? post(`/api/v1/admin/approvals/${requestId}/reject`, staff.admin.auth, { comment: `Reject ${index}.` })
            : post(`/api/v1/admin/attempts/${attemptId}/annul`, staff.owner.auth, { reason: `Annul ${index}.` }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses, responses.map((response) => response.body).join('\n')).toEqual([
        200,
        ...Array<number>(7).fill(409),
      ]);
      const request = (
        await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.admin.auth })
      ).json().request;
      expect(request.status).toBe('rejected');
      expect((await journey.stages())[0]!.status).toBe('active');
      const attempt = await test.container.modules.assessment.readsFor(test.container.db).byId(attemptId);
      expect(attempt?.status).toBe('annulled');
      expect(attempt?.annulReason).toBe(request.comment);
    }
  });

  it('a second pending request of a student on a track is a clear conflict, and the port reports the last decision', async () => {
    const { session, journey, requestId } = await pendingStudent();
    const diagnostic = (await journey.progress()).diagnostic!.id;
    const { approvals } = test.container.modules;
    const open = () =>
      test.container.db.transaction().execute((tx) =>
        approvals.requestsFor(tx).open({
          userId: session.userId,
          trackId: track.id,
          kind: 'stage_transition',
          stageId: track.stages[0]!.id,
          attemptId: diagnostic,
          required: true,
          at: test.container.clock.now(),
        }),
      );
    await expect(open()).rejects.toMatchObject({ kind: 'conflict', code: 'approvals.already_requested' });
    const last = () =>
      test.container.db.transaction().execute((tx) => approvals.requestsFor(tx).lastDecision(session.userId, track.id));
    expect(await last()).toBeUndefined();
    await post(`/api/v1/admin/approvals/${requestId}/reject`, staff.owner.auth, { comment: 'Not yet.' });
    expect(await last()).toMatchObject({ status: 'rejected', comment: 'Not yet.' });
  });

  it('without required approval the request is recorded approved automatically, decided by nobody', async () => {
    const automaticTrack = await createLearningTrack(test, staff.owner.userId, {
      stages: 2,
      modules: 2,
      settings: { approval: { required: false } },
    });
    const session = await registeredUser(test, 'auto@school.test');
    const journey = journeyOf(test, asStudent(session), automaticTrack);
    const attemptId = await journey.toFirstRequest();
    const request = await requestOf(test, session.auth, automaticTrack.id, 'approved');
    const view = (await test.app.inject({ url: `/api/v1/me/approvals/${request.id}`, headers: session.auth })).json();
    expect(view).toMatchObject({ attemptId, status: 'approved', automatic: true, decidedBy: null });
    expect(view.decidedAt).toBe(view.requestedAt);
    const row = await test.container.db
      .selectFrom('approvalRequests')
      .select(['decidedBy', 'automatic'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ decidedBy: null, automatic: true });
    expect((await journey.stages()).map((stage) => stage.status)).toEqual(['completed', 'active']);
    expect(await auditCount('approval.approved', request.id)).toEqual([null]);
    const decide = await post(`/api/v1/admin/approvals/${request.id}/approve`, staff.admin.auth);
    expect(decide.statusCode).toBe(409);
  });

  it('annulling the attempt of a pending request rejects it with the reason; of an approved one is refused', async () => {
    const { journey, requestId, attemptId, session } = await pendingStudent();
    const annulled = await post(`/api/v1/admin/attempts/${attemptId}/annul`, staff.admin.auth, {
      reason: 'The network failed during the exam.',
    });
    expect(annulled.statusCode, annulled.body).toBe(200);
    const request = (
      await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.admin.auth })
    ).json().request;
    expect(request).toMatchObject({
      status: 'rejected',
      comment: 'The network failed during the exam.',
      decidedBy: { id: staff.admin.userId },
    });
    expect((await journey.stages())[0]!.status).toBe('active');

    const approvedAttempt = await journey.levelExam(1);
    const second = await requestOf(test, session.auth, track.id);
    expect((await post(`/api/v1/admin/approvals/${second.id}/approve`, staff.admin.auth)).statusCode).toBe(200);
    const refused = await post(`/api/v1/admin/attempts/${approvedAttempt}/annul`, staff.owner.auth, {
      reason: 'Changed my mind.',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('attempt_already_approved');
    const attempt = await test.container.modules.assessment.readsFor(test.container.db).byId(approvedAttempt);
    expect(attempt?.status).toBe('passed');
  });
});
