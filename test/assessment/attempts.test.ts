import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptScope } from '../../src/modules/assessment/index.ts';
import { composeExam } from '../../src/modules/assessment/domain/compose-exam.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import type { LoggedIn } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import {
  answer,
  enrolledStudent,
  finish,
  getAttempt,
  keysDeep,
  passDiagnostic,
  questionsOf,
  saveAnswer,
  startDiagnostic,
  startExam,
} from './support.ts';

/** Field names that would tell a student the answers. */
const ANSWER_KEYS = ['correct', 'correctOptions', 'explanation', 'explanationHtml'];

describe('attempts', () => {
  const clock = createTestClock();
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  let stage1: AttemptScope;
  let student: LoggedIn;
  /** Registered up front: registering delivers the outbox, whose approval mails are not this file's concern. */
  const others: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    test = await createTestApp({
      clock,
      // Surfaces the starter's errors as problems, the way progress's start endpoints do.
      routes: (app) => {
        app.post('/test/start', async (request, reply) => {
          const { userId, scope, settings, at } = request.body as {
            userId: string;
            scope: AttemptScope;
            settings?: Record<string, Record<string, number | boolean>>;
            at?: string;
          };
          const base = await test.container.modules.catalog
            .trackDirectoryFor(test.container.db)
            .settings(scope.trackId);
          const merged = Object.fromEntries(
            Object.entries(base!.params).map(([group, values]) => [group, { ...values, ...settings?.[group] }]),
          );
          const started = await startExam(test, userId, track, scope, {
            settings: merged as never,
            ...(at ? { now: new Date(at) } : {}),
          });
          return reply.status(started.created ? 201 : 200).send(started);
        });
      },
    });
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
    stage1 = { kind: 'level_exam', trackId: track.id, stageId: track.stages[0]!.id };
    student = await enrolledStudent(test, track, 'taker@school.test');
    for (const name of ['short-bank', 'answers', 'private']) {
      others[name] = await enrolledStudent(test, track, `${name}@school.test`);
    }
  });
  afterAll(async () => test.close());

  const start = (
    userId: string,
    scope: AttemptScope,
    settings?: Record<string, Record<string, number | boolean>>,
    at?: Date,
  ) => test.app.inject({ method: 'POST', url: '/test/start', payload: { userId, scope, settings, at } });

  it('gives a diagnostic of distinct questions per module, hides the answers until the end, then reviews them', async () => {
    const attemptId = await startDiagnostic(test, track, student.auth);
    const before = await getAttempt(test, student.auth, attemptId);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    const view = before.json();
    expect(view).toMatchObject({ kind: 'diagnostic', status: 'in_progress', deadlineAt: null, result: null });
    for (const key of ANSWER_KEYS) expect(keysDeep(view).has(key), key).toBe(false);
    const ids = view.questions.map((question: { id: string }) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2 * track.modules.length);
    for (const module of track.modules) {
      expect(view.questions.filter((question: { moduleId: string }) => question.moduleId === module.id)).toHaveLength(
        2,
      );
    }
    expect(view.questions[0].html).toContain('<p>');

    await answer(test, student.auth, attemptId, 3);
    const answered = (await getAttempt(test, student.auth, attemptId)).json();
    for (const key of ANSWER_KEYS) expect(keysDeep(answered).has(key), key).toBe(false);
    expect(answered.questions.map((question: { selected: number[] }) => question.selected[0])).toEqual([
      0, 0, 0, 1, 1, 1,
    ]);

    const finished = await finish(test, student.auth, attemptId);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ status: 'passed', passed: true, score: 50, correct: 3, total: 6 });
    expect(finished.json().perModule.reduce((sum: number, module: { total: number }) => sum + module.total, 0)).toBe(6);

    const review = (await getAttempt(test, student.auth, attemptId)).json();
    expect(review.status).toBe('passed');
    expect(review.result).toMatchObject({ score: 50, correct: 3 });
    for (const question of review.questions) {
      expect(question.correct).toBe(question.selected[0] === 0);
      expect(question.correctOptions).toEqual([0]);
      expect(question.explanation).toMatch(/^Because /);
    }

    const again = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/tracks/${track.slug}/diagnostic`,
      headers: student.auth,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('diagnostic_already_taken');
  });

  it('times a level exam (extra time included), returns the attempt in progress, and hides answers after a fail when the settings say so', async () => {
    const started = await startExam(test, student.userId, track, stage1, { extraTimePercent: 50 });
    expect(started.created).toBe(true);
    expect(started.deadlineAt?.getTime()).toBe(clock.now().getTime() + 45 * MINUTE);
    const repeat = await startExam(test, student.userId, track, stage1);
    expect(repeat).toEqual({ attemptId: started.attemptId, created: false, deadlineAt: started.deadlineAt });

    const questions = await questionsOf(test, student.auth, started.attemptId);
    expect(questions).toHaveLength(4);
    const stagePool = new Set(
      (
        await test.container.db
          .selectFrom('questions')
          .select('id')
          .where('trackId', '=', track.id)
          .where((eb) => eb.or([eb('stageId', 'is', null), eb('stageId', '=', track.stages[0]!.id)]))
          .where('articleId', 'is', null)
          .execute()
      ).map((row) => row.id),
    );
    for (const question of questions) expect(stagePool.has(question.id)).toBe(true);

    await answer(test, student.auth, started.attemptId, 1);
    const result = await finish(test, student.auth, started.attemptId);
    expect(result.json()).toMatchObject({ status: 'failed', passed: false, score: 25, passPercent: 50 });
    const review = (await getAttempt(test, student.auth, started.attemptId)).json();
    expect(review.questions.map((question: { correct: boolean }) => question.correct).filter(Boolean)).toHaveLength(1);
    for (const key of ['correctOptions', 'explanation', 'explanationHtml']) {
      expect(keysDeep(review).has(key), key).toBe(false);
    }
  });

  it('prefers questions not seen in earlier attempts of the same scope, and numbers the attempts', async () => {
    const first = await test.container.db
      .selectFrom('attemptQuestions')
      .innerJoin('attempts', 'attempts.id', 'attemptQuestions.attemptId')
      .select('questionId')
      .where('attempts.userId', '=', student.userId)
      .where('attempts.kind', '=', 'level_exam')
      .execute();
    const started = await startExam(test, student.userId, track, stage1);
    const second = await questionsOf(test, student.auth, started.attemptId);
    const seen = new Set(first.map((row) => row.questionId));
    // Each module's stage pool (4 tiered + 2 untiered) has at least 2 unseen questions.
    expect(second.filter((question) => seen.has(question.id))).toEqual([]);
    const row = await test.container.db
      .selectFrom('attempts')
      .select(['number', 'seed'])
      .where('id', '=', started.attemptId)
      .executeTakeFirstOrThrow();
    expect(row.number).toBe(2);

    // The stored exam is exactly what the engine builds from the stored seed.
    const pool = await test.container.db
      .selectFrom('questions')
      .leftJoin('stages', 'stages.id', 'questions.stageId')
      .select(['questions.id', 'questions.moduleId', 'stages.position as stagePosition'])
      .where('questions.trackId', '=', track.id)
      .where('questions.articleId', 'is', null)
      .where('questions.status', '=', 'active')
      .where((eb) => eb.or([eb('questions.stageId', 'is', null), eb('questions.stageId', '=', track.stages[0]!.id)]))
      .orderBy('questions.id')
      .execute();
    const rebuilt = composeExam({
      modules: track.modules.map((module) => ({
        id: module.id,
        position: module.position,
        mastery: 0.5,
        pool: pool.filter((question) => question.moduleId === module.id),
      })),
      questionCount: 4,
      minPerModule: 1,
      maxPerModule: 2,
      weakModules: 1,
      seen,
      seed: Number(row.seed),
    });
    expect(rebuilt.ok && rebuilt.questions.map((question) => question.questionId)).toEqual(
      second.map((question) => question.id),
    );
    await finish(test, student.auth, started.attemptId);
  });

  it('refuses a second pass of a level exam with 409 already_passed', async () => {
    const started = await startExam(test, student.userId, track, stage1);
    await answer(test, student.auth, started.attemptId, 4);
    expect((await finish(test, student.auth, started.attemptId)).json()).toMatchObject({ status: 'passed' });
    const again = await start(student.userId, stage1);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('already_passed');
  });

  it('refuses a rank final during the cooldown after a failed one with 429, Retry-After and retryAfter', async () => {
    const rankFinal: AttemptScope = { kind: 'rank_final', trackId: track.id };
    const started = await startExam(test, student.userId, track, rankFinal);
    const during = (await getAttempt(test, student.auth, started.attemptId)).json();
    expect(during.questions).toHaveLength(4);
    for (const key of ANSWER_KEYS) expect(keysDeep(during).has(key), key).toBe(false);
    expect((await finish(test, student.auth, started.attemptId)).json()).toMatchObject({ status: 'failed' });
    // The start's "now" moves instead of the app clock, so that the student's access token stays valid.
    const later = (minutes: number) => new Date(clock.now().getTime() + minutes * MINUTE);
    const refused = await start(student.userId, rankFinal, undefined, later(10));
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(50 * 60));
    expect(refused.json()).toMatchObject({ status: 429, code: 'cooldown', retryAfter: 50 * 60 });
    expect(refused.json().detail).toContain('3000');
    const allowed = await start(student.userId, rankFinal, undefined, later(60));
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect((await finish(test, student.auth, allowed.json().attemptId)).statusCode).toBe(200);
  });

  it('names the modules when the bank cannot fill the exam (422 question_bank_too_small)', async () => {
    const other = others['short-bank']!;
    await passDiagnostic(test, track, other.auth);
    const refused = await start(other.userId, stage1, { levelExam: { questionCount: 40, maxPerModule: 20 } });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('question_bank_too_small');
    expect(refused.json().detail).toContain('Module 1, Module 2, Module 3');
    const rows = await test.container.db
      .selectFrom('attempts')
      .select('id')
      .where('userId', '=', other.userId)
      .where('kind', '=', 'level_exam')
      .execute();
    expect(rows).toEqual([]);
  });

  it('gives a mini-test all questions of the article and reviews it with the answers', async () => {
    const articleId = track.coreArticles.get(track.stages[0]!.id)![0]!;
    const started = await startExam(test, student.userId, track, { kind: 'minitest', trackId: track.id, articleId });
    expect(started.deadlineAt).toBeNull();
    const questions = await questionsOf(test, student.auth, started.attemptId);
    const minitest = await test.container.db
      .selectFrom('questions')
      .select('id')
      .where('articleId', '=', articleId)
      .execute();
    expect(questions.map((question) => question.id).sort()).toEqual(minitest.map((row) => row.id).sort());
    await answer(test, student.auth, started.attemptId, 2);
    const during = (await getAttempt(test, student.auth, started.attemptId)).json();
    for (const key of ANSWER_KEYS) expect(keysDeep(during).has(key), key).toBe(false);
    expect((await finish(test, student.auth, started.attemptId)).json()).toMatchObject({
      kind: 'minitest',
      status: 'passed',
      passPercent: 50,
    });
    const review = (await getAttempt(test, student.auth, started.attemptId)).json();
    expect(review.questions.every((question: { correctOptions: number[] }) => question.correctOptions[0] === 0)).toBe(
      true,
    );
  });

  it('checks every answer: the attempt’s questions only, option indexes in range, no repeats, one for single', async () => {
    const other = others.answers!;
    const attemptId = await startDiagnostic(test, track, other.auth);
    const questions = await questionsOf(test, other.auth, attemptId);
    const single = questions.find((question) => question.kind === 'single')!;
    const multiple = questions.find((question) => question.kind === 'multiple');

    const expectProblem = async (response: Awaited<ReturnType<typeof saveAnswer>>, status: number, code: string) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
    };
    await expectProblem(await saveAnswer(test, other.auth, attemptId, single.id, [3]), 422, 'invalid_selection');
    await expectProblem(await saveAnswer(test, other.auth, attemptId, single.id, [-1]), 422, 'invalid_selection');
    await expectProblem(await saveAnswer(test, other.auth, attemptId, single.id, [0, 1]), 422, 'invalid_selection');
    if (multiple) {
      await expectProblem(await saveAnswer(test, other.auth, attemptId, multiple.id, [1, 1]), 422, 'invalid_selection');
      expect((await saveAnswer(test, other.auth, attemptId, multiple.id, [2, 0])).statusCode).toBe(204);
    }
    const invalid = await saveAnswer(test, other.auth, attemptId, single.id, [0, 7]);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toContain('/selected/1');
    const foreign = track.questionsByModule
      .get(track.modules[0]!.id)!
      .find((id) => !questions.some((question) => question.id === id))!;
    await expectProblem(await saveAnswer(test, other.auth, attemptId, foreign, [0]), 404, 'question_not_in_attempt');
    await expectProblem(
      await saveAnswer(test, other.auth, attemptId, 'not-a-uuid', [0]),
      404,
      'question_not_in_attempt',
    );
    await expectProblem(await saveAnswer(test, other.auth, attemptId, single.id, ['x']), 400, 'validation_failed');

    expect((await saveAnswer(test, other.auth, attemptId, single.id, [1])).statusCode).toBe(204);
    expect((await saveAnswer(test, other.auth, attemptId, single.id, [0])).statusCode).toBe(204);
    let view = (await getAttempt(test, other.auth, attemptId)).json();
    expect(view.questions.find((question: { id: string }) => question.id === single.id).selected).toEqual([0]);
    expect((await saveAnswer(test, other.auth, attemptId, single.id, [])).statusCode).toBe(204);
    view = (await getAttempt(test, other.auth, attemptId)).json();
    expect(view.questions.find((question: { id: string }) => question.id === single.id).selected).toBeNull();

    await finish(test, other.auth, attemptId);
    await expectProblem(await saveAnswer(test, other.auth, attemptId, single.id, [0]), 409, 'attempt_finished');
  });

  it('answers 404 for another user’s attempt — to students and staff alike — on every endpoint', async () => {
    const owner = others.private!;
    const attemptId = await startDiagnostic(test, track, owner.auth);
    const [question] = await questionsOf(test, owner.auth, attemptId);
    for (const intruder of [student, staff.admin, staff.owner]) {
      const responses = [
        await getAttempt(test, intruder.auth, attemptId),
        await saveAnswer(test, intruder.auth, attemptId, question!.id, [0]),
        await finish(test, intruder.auth, attemptId),
      ];
      for (const response of responses) {
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json().code).toBe('attempt_not_found');
      }
    }
    expect((await getAttempt(test, student.auth, 'nope')).statusCode).toBe(404);
    expect((await getAttempt(test, student.auth, crypto.randomUUID())).statusCode).toBe(404);
    const guest = await test.app.inject({ method: 'GET', url: `/api/v1/attempts/${attemptId}` });
    expect(guest.statusCode).toBe(401);
    const status = await test.container.db
      .selectFrom('attempts')
      .select('status')
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('in_progress');
  });
});
