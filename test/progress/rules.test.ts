import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { login, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { answerAndFinish, type Auth, call, pendingRequestId, progressOf, start, study } from './support.ts';

describe('journey rules', () => {
  const clock = createTestClock();
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  let automatic: LearningTrack;
  beforeAll(async () => {
    test = await createTestApp({ clock });
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 2 });
    automatic = await createLearningTrack(test, staff.owner.userId, {
      stages: 2,
      modules: 2,
      settings: { approval: { required: false } },
    });
  });
  afterAll(async () => test.close());

  let counter = 0;
  /** A new student enrolled in the track with the diagnostic taken (all right): stage 1 active. */
  async function learner(on: LearningTrack): Promise<{ auth: Auth; userId: string; email: string }> {
    counter += 1;
    const email = `learner${counter}@school.test`;
    const student = await registeredUser(test, email);
    await call(test, { method: 'POST', url: `/api/v1/tracks/${on.slug}/enrollment`, headers: student.auth }, 201);
    const diagnostic = await start(test, student.auth, `/me/tracks/${on.slug}/diagnostic`);
    await answerAndFinish(test, student.auth, diagnostic, true);
    return { auth: student.auth, userId: student.userId, email };
  }
  const post = (auth: Auth, url: string) => test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth });
  const expectProblem = async (auth: Auth, url: string, status: number, code: string) => {
    const response = await post(auth, url);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    return response.json();
  };

  it('completes an article by opening it, and one with a mini-test only once that is passed too', async () => {
    const { auth, userId } = await learner(track);
    const [core, remedial] = (await progressOf(test, auth, track.slug)).assignments;
    expect(core!.minitestSize).toBe(2);
    expect(remedial!.minitestSize).toBe(0);
    await expectProblem(auth, `/me/articles/${remedial!.article.id}/minitest`, 409, 'no_minitest');

    // Mini-test failed, then passed before the article was opened: not done until it is opened.
    const failed = await start(test, auth, `/me/articles/${core!.article.id}/minitest`);
    expect(await start(test, auth, `/me/articles/${core!.article.id}/minitest`, 200)).toBe(failed);
    expect((await answerAndFinish(test, auth, failed, false)).passed).toBe(false);
    const passed = await start(test, auth, `/me/articles/${core!.article.id}/minitest`);
    expect((await answerAndFinish(test, auth, passed, true)).passed).toBe(true);
    expect((await progressOf(test, auth, track.slug)).assignments[0]).toMatchObject({ openedAt: null, done: false });
    await call(test, { method: 'POST', url: `/api/v1/me/articles/${core!.article.id}/open`, headers: auth }, 204);
    expect((await progressOf(test, auth, track.slug)).assignments[0]).toMatchObject({ done: true });

    await expectProblem(auth, `/me/tracks/${track.slug}/stages/1/level-exam`, 409, 'articles_not_done');
    await call(test, { method: 'POST', url: `/api/v1/me/articles/${remedial!.article.id}/open`, headers: auth }, 204);
    const after = await progressOf(test, auth, track.slug);
    expect(after.assignments.map((assignment) => assignment.done)).toEqual([true, true]);
    expect(after.assignments[1]!.openedAt).toEqual(clock.now().toISOString());
    expect(after.next).toEqual({ action: 'take_level_exam', stagePosition: 1 });

    // The article page's panel: the assignment, where it belongs, the pass mark, the attempts.
    const state = await test.container.modules.progress.useCases.articleState(
      { id: userId, role: 'student' },
      core!.article.id,
    );
    expect(state).toMatchObject({
      assignment: { article: { id: core!.article.id }, reason: { kind: 'core' }, done: true, minitestSize: 2 },
      trackSlug: track.slug,
      stagePosition: 1,
      minitestPassPercent: 50,
      minitestAttempts: [
        { id: passed, status: 'passed' },
        { id: failed, status: 'failed' },
      ],
    });
    const stranger = await registeredUser(test, 'stranger@school.test');
    expect(
      await test.container.modules.progress.useCases.articleState(
        { id: stranger.userId, role: 'student' },
        core!.article.id,
      ),
    ).toBeUndefined();
  });

  it('marks a mini-test article done when the pass comes after the opening', async () => {
    const { auth } = await learner(track);
    const [core] = (await progressOf(test, auth, track.slug)).assignments;
    await call(test, { method: 'POST', url: `/api/v1/me/articles/${core!.article.id}/open`, headers: auth }, 204);
    expect((await progressOf(test, auth, track.slug)).assignments[0]).toMatchObject({ done: false });
    const attempt = await start(test, auth, `/me/articles/${core!.article.id}/minitest`);
    await answerAndFinish(test, auth, attempt, true);
    expect((await progressOf(test, auth, track.slug)).assignments[0]).toMatchObject({ done: true });
  });

  it('completes the article when its opening races the mini-test’s finish', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { auth } = await learner(track);
      const [core] = (await progressOf(test, auth, track.slug)).assignments;
      const attemptId = await start(test, auth, `/me/articles/${core!.article.id}/minitest`);
      const questions = (
        await call(test, { method: 'GET', url: `/api/v1/attempts/${attemptId}`, headers: auth }, 200)
      ).json<{
        questions: { id: string }[];
      }>().questions;
      for (const question of questions) {
        await call(
          test,
          {
            method: 'PUT',
            url: `/api/v1/attempts/${attemptId}/answers/${question.id}`,
            headers: auth,
            payload: { selected: [0] },
          },
          204,
        );
      }
      const [opened, finished] = await Promise.all([
        post(auth, `/me/articles/${core!.article.id}/open`),
        post(auth, `/attempts/${attemptId}/finish`),
      ]);
      expect([opened.statusCode, finished.statusCode]).toEqual([204, 200]);
      expect(finished.json().passed).toBe(true);
      expect((await progressOf(test, auth, track.slug)).assignments[0]).toMatchObject({ done: true });
    }
  });

  it('gives parallel level exam starts one attempt', async () => {
    const { auth, userId } = await learner(track);
    await study(test, auth, track.slug);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(auth, `/me/tracks/${track.slug}/stages/1/level-exam`)),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([...Array<number>(9).fill(200), 201]);
    expect(new Set(responses.map((response) => response.json().attemptId)).size).toBe(1);
    const exams = await test.container.db
      .selectFrom('attempts')
      .select('id')
      .where('userId', '=', userId)
      .where('kind', '=', 'level_exam')
      .execute();
    expect(exams).toHaveLength(1);
  });

  it('refuses articles that are not assigned (404) and unknown stages and tracks', async () => {
    const { auth } = await learner(track);
    const otherStage = track.coreArticles.get(track.stages[1]!.id)![0]!;
    await expectProblem(auth, `/me/articles/${otherStage}/open`, 404, 'article_not_assigned');
    await expectProblem(auth, `/me/articles/${otherStage}/minitest`, 404, 'article_not_assigned');
    await expectProblem(auth, `/me/articles/not-a-uuid/open`, 404, 'article_not_assigned');
    await expectProblem(auth, `/me/tracks/${track.slug}/stages/9/level-exam`, 404, 'stage_not_found');
    await expectProblem(auth, `/me/tracks/no-such-track/diagnostic`, 404, 'track_not_found');
    const bad = await post(auth, `/me/tracks/${track.slug}/stages/first/level-exam`);
    expect(bad.statusCode).toBe(400);
  });

  it('leaves a failed level exam at mastery only, and reopens the stage after a rejection', async () => {
    const { auth } = await learner(track);
    await study(test, auth, track.slug);
    const before = (await progressOf(test, auth, track.slug)).mastery;
    const failed = await start(test, auth, `/me/tracks/${track.slug}/stages/1/level-exam`);
    expect((await answerAndFinish(test, auth, failed, false)).passed).toBe(false);
    let progress = await progressOf(test, auth, track.slug);
    expect(progress.stages[0]!.status).toBe('active');
    const answered = (modules: typeof before) => modules.reduce((sum, module) => sum + module.answered, 0);
    expect(answered(progress.mastery)).toBe(answered(before) + 4);
    expect(progress.next).toEqual({ action: 'take_level_exam', stagePosition: 1 });

    const passed = await start(test, auth, `/me/tracks/${track.slug}/stages/1/level-exam`);
    await answerAndFinish(test, auth, passed, true);
    const requestId = await pendingRequestId(test, auth, track.id);
    await call(
      test,
      {
        method: 'POST',
        url: `/api/v1/admin/approvals/${requestId}/reject`,
        headers: staff.admin.auth,
        payload: { comment: 'Retake it without notes, please.' },
      },
      200,
    );
    progress = await progressOf(test, auth, track.slug);
    expect(progress.stages.map((stage) => stage.status)).toEqual(['active', 'locked']);
    expect(progress.lastDecision).toMatchObject({ status: 'rejected', comment: 'Retake it without notes, please.' });
    expect(progress.next).toEqual({ action: 'take_level_exam', stagePosition: 1 });
    await start(test, auth, `/me/tracks/${track.slug}/stages/1/level-exam`);
  });

  it('approves automatically when approval is not required, up to graduation, with the rank final cooldown', async () => {
    const { auth, userId, email } = await learner(automatic);
    await study(test, auth, automatic.slug);
    const first = await start(test, auth, `/me/tracks/${automatic.slug}/stages/1/level-exam`);
    await answerAndFinish(test, auth, first, true);
    let progress = await progressOf(test, auth, automatic.slug);
    expect(progress.stages.map(({ status }) => status)).toEqual(['completed', 'active']);
    expect(progress.assignments.every((assignment) => assignment.stageId === automatic.stages[1]!.id)).toBe(true);
    const requests = await test.container.db
      .selectFrom('approvalRequests')
      .select(['status', 'automatic', 'decidedBy'])
      .where('userId', '=', userId)
      .execute();
    expect(requests).toEqual([{ status: 'approved', automatic: true, decidedBy: null }]);

    await study(test, auth, automatic.slug);
    const second = await start(test, auth, `/me/tracks/${automatic.slug}/stages/2/level-exam`);
    await answerAndFinish(test, auth, second, true);
    progress = await progressOf(test, auth, automatic.slug);
    expect(progress.enrollment.status).toBe('final');

    const failedFinal = await start(test, auth, `/me/tracks/${automatic.slug}/rank-final`);
    await answerAndFinish(test, auth, failedFinal, false);
    progress = await progressOf(test, auth, automatic.slug);
    const cooldown = SMALL_SETTINGS.rankFinal!.cooldownMinutes as number;
    expect(progress.next).toEqual({
      action: 'wait_cooldown',
      stagePosition: null,
      retryAt: new Date(clock.now().getTime() + cooldown * MINUTE).toISOString(),
    });
    const refused = await post(auth, `/me/tracks/${automatic.slug}/rank-final`);
    expect(refused.statusCode, refused.body).toBe(429);

    clock.advance((cooldown + 1) * MINUTE);
    // The access token has expired meanwhile.
    const again = (await login(test.app, email, STRONG_PASSWORD)).auth;
    const final = await start(test, again, `/me/tracks/${automatic.slug}/rank-final`);
    await answerAndFinish(test, again, final, true);
    progress = await progressOf(test, again, automatic.slug);
    expect(progress.enrollment.status).toBe('graduated');
    expect(progress.certificateCode).toMatch(/^[\w-]{32}$/);
  });
});
