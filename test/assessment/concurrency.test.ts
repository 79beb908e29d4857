import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptScope } from '../../src/modules/assessment/index.ts';
import type { SettingsParams } from '../../src/modules/catalog/index.ts';
import { createOutboxRelay } from '../../src/shared/infrastructure/jobs/outbox-relay.ts';
import { ATTEMPT_EXPIRY_CRON, ATTEMPT_EXPIRY_QUEUE, startWorker } from '../../src/shared/infrastructure/jobs/worker.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import type { LoggedIn } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';
import { staffUsers } from '../support/staff.ts';
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

describe('attempts under concurrency, deadlines and the expiry job', () => {
  const clock = createTestClock();
  let test: TestApp;
  let track: LearningTrack;
  let revealing: LearningTrack;
  let scope: AttemptScope;
  const students: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    test = await createTestApp({ clock });
    const staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 1, modules: 2 });
    revealing = await createLearningTrack(test, staff.owner.userId, {
      stages: 1,
      modules: 2,
      settings: { levelExam: { ...SMALL_SETTINGS.levelExam, revealCorrectAnswers: true } },
    });
    scope = { kind: 'level_exam', trackId: track.id, stageId: track.stages[0]!.id };
    for (const name of ['finisher', 'starter', 'racer', 'late', 'idle']) {
      students[name] = await enrolledStudent(test, track, `${name}@school.test`);
    }
    students.reviewer = await enrolledStudent(test, revealing, 'reviewer@school.test');
  });
  afterAll(async () => test.close());

  /** One-minute exams, so that deadlines pass without outliving the access tokens. */
  const shortExam = async (userId: string, on: LearningTrack = track, at: AttemptScope = scope) => {
    const settings = await test.container.modules.catalog.trackDirectoryFor(test.container.db).settings(on.id);
    const params: SettingsParams = {
      ...settings!.params,
      levelExam: { ...settings!.params.levelExam, timeLimitMinutes: 1 },
    };
    return startExam(test, userId, on, at, { settings: params });
  };

  it('grades once when 10 finishes race, and every caller gets the same result', async () => {
    const student = students.finisher!;
    const attemptId = await startDiagnostic(test, track, student.auth);
    await answer(test, student.auth, attemptId, 2);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        finish(test, student.auth, attemptId, index % 2 === 0 ? { 'idempotency-key': `finish-${index}` } : {}),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(10).fill(200));
    const bodies = new Set(responses.map((response) => response.body));
    expect(bodies.size).toBe(1);
    expect(responses[0]!.json()).toMatchObject({ status: 'passed', correct: 2, total: 4, score: 50 });

    const events = await test.container.db
      .selectFrom('outbox')
      .select('id')
      .where('type', '=', 'attempt.finished')
      .where(sql<boolean>`payload->>'attemptId' = ${attemptId}`)
      .execute();
    expect(events).toHaveLength(1);
    // Progress learned of the finish exactly once: mastery counts each question once.
    const mastery = await test.container.db
      .selectFrom('mastery')
      .select([sql<number>`sum(answered)::int`.as('answered'), sql<number>`sum(correct)::int`.as('correct')])
      .where('userId', '=', student.userId)
      .executeTakeFirstOrThrow();
    expect(mastery).toEqual({ answered: 4, correct: 2 });

    const replay = await finish(test, student.auth, attemptId, { 'idempotency-key': 'finish-0' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(responses[0]!.body);
  });

  it('gives one attempt to 20 parallel starts of the same exam', async () => {
    const student = students.starter!;
    await passDiagnostic(test, track, student.auth);
    const started = await Promise.all(Array.from({ length: 20 }, () => shortExam(student.userId)));
    expect(new Set(started.map((result) => result.attemptId)).size).toBe(1);
    expect(started.filter((result) => result.created)).toHaveLength(1);
    const rows = await test.container.db
      .selectFrom('attempts')
      .select('id')
      .where('userId', '=', student.userId)
      .where('kind', '=', 'level_exam')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('takes an answer 1 ms before the deadline, refuses it at the deadline, and ends the attempt at its deadline', async () => {
    const student = students.starter!;
    const [exam] = await test.container.db
      .selectFrom('attempts')
      .select(['id', 'deadlineAt'])
      .where('userId', '=', student.userId)
      .where('kind', '=', 'level_exam')
      .execute();
    const deadline = exam!.deadlineAt!;
    const [first, second] = await questionsOf(test, student.auth, exam!.id);
    const now = clock.now();
    try {
      clock.set(new Date(deadline.getTime() - 1));
      expect((await saveAnswer(test, student.auth, exam!.id, first!.id, [0])).statusCode).toBe(204);
      clock.set(deadline);
      const late = await saveAnswer(test, student.auth, exam!.id, second!.id, [0]);
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('attempt_expired');
      clock.set(new Date(deadline.getTime() + 5_000));
      const result = await finish(test, student.auth, exam!.id);
      expect(result.json()).toMatchObject({ correct: 1, total: 4, finishedAt: deadline.toISOString() });
    } finally {
      clock.set(now);
    }
  });

  it('stores no answer after the finish when answers and the finish race', async () => {
    const student = students.racer!;
    await passDiagnostic(test, track, student.auth);
    const { attemptId } = await startExam(test, student.userId, track, scope);
    const questions = await questionsOf(test, student.auth, attemptId);
    const saves = questions.map((question) => saveAnswer(test, student.auth, attemptId, question.id, [0]));
    const [result, ...saved] = await Promise.all([finish(test, student.auth, attemptId), ...saves]);
    for (const response of saved) {
      expect([204, 409], response.body).toContain(response.statusCode);
      if (response.statusCode === 409) expect(response.json().code).toBe('attempt_finished');
    }
    const answers = await test.container.db
      .selectFrom('attemptAnswers')
      .select('answeredAt')
      .where('attemptId', '=', attemptId)
      .execute();
    const accepted = saved.filter((response) => response.statusCode === 204).length;
    expect(answers).toHaveLength(accepted);
    // Every stored answer (all right) was graded: none slipped in after the grading.
    expect(result.json().correct).toBe(accepted);
    const finishedAt = new Date(result.json().finishedAt).getTime();
    for (const row of answers) expect(row.answeredAt.getTime()).toBeLessThanOrEqual(finishedAt);
  });

  it('lets the expiry job finish an attempt past its deadline, grading what was answered', async () => {
    const late = students.late!;
    await passDiagnostic(test, track, late.auth);
    const { attemptId, deadlineAt } = await shortExam(late.userId);
    await answer(test, late.auth, attemptId, 1);
    const idle = students.idle!;
    const untimed = await startDiagnostic(test, track, idle.auth);

    const useCases = test.container.modules.assessment.useCases;
    expect(await useCases.finishExpired()).toBe(0);
    clock.advance(2 * MINUTE);
    expect(await useCases.finishExpired()).toBe(1);
    expect(await useCases.finishExpired()).toBe(0);

    const row = await test.container.db
      .selectFrom('attempts')
      .select(['status', 'correctCount', 'finishedAt'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', correctCount: 1, finishedAt: deadlineAt });
    const view = (await getAttempt(test, late.auth, attemptId)).json();
    expect(view.result).toMatchObject({ status: 'failed', correct: 1, total: 4, score: 25 });
    const again = await finish(test, late.auth, attemptId);
    expect(again.json()).toMatchObject({ status: 'failed', correct: 1, finishedAt: deadlineAt!.toISOString() });
    const untouched = await test.container.db
      .selectFrom('attempts')
      .select('status')
      .where('id', '=', untimed)
      .executeTakeFirstOrThrow();
    expect(untouched.status).toBe('in_progress');
  });

  it('shows an exam’s correct options after the end only when its settings reveal them', async () => {
    const student = students.reviewer!;
    await passDiagnostic(test, revealing, student.auth);
    const { attemptId } = await startExam(test, student.userId, revealing, {
      kind: 'level_exam',
      trackId: revealing.id,
      stageId: revealing.stages[0]!.id,
    });
    await answer(test, student.auth, attemptId, 2);
    const during = (await getAttempt(test, student.auth, attemptId)).json();
    for (const key of ['correct', 'correctOptions', 'explanation']) expect(keysDeep(during).has(key), key).toBe(false);
    await finish(test, student.auth, attemptId);
    const review = (await getAttempt(test, student.auth, attemptId)).json();
    for (const question of review.questions) {
      expect(question.correctOptions).toEqual([0]);
      expect(question.explanation).toMatch(/^Because /);
      expect(question.explanationHtml).toContain('<p>');
    }
  });

  it('is scheduled in the worker every minute and runs when its job comes', async () => {
    let runs = 0;
    const relay = createOutboxRelay({
      db: test.container.db,
      handlers: new Map(),
      logger: test.container.logger,
      pollMs: 60_000,
    });
    const worker = await startWorker({
      connectionString: test.database.url,
      logger: test.container.logger,
      outboxRelay: relay,
      cleanUp: async () => ({
        expiredIdempotencyKeys: 0,
        deliveredOutboxEvents: 0,
        deadOneTimeTokens: 0,
        deadSessions: 0,
        oldDevMail: 0,
        oldMailRecords: 0,
      }),
      finishExpiredAttempts: async () => {
        runs += 1;
        return 0;
      },
      stopTimeoutMs: 5000,
    });
    try {
      const schedule = await sql<{
        cron: string;
      }>`SELECT cron FROM pgboss.schedule WHERE name = ${ATTEMPT_EXPIRY_QUEUE}`.execute(test.container.db);
      expect(schedule.rows).toEqual([{ cron: ATTEMPT_EXPIRY_CRON }]);
      const { PgBoss } = await import('pg-boss');
      const sender = new PgBoss({
        connectionString: test.database.url,
        migrate: false,
        supervise: false,
        schedule: false,
      });
      await sender.start();
      await sender.send(ATTEMPT_EXPIRY_QUEUE, {});
      await sender.stop({ graceful: false, close: true });
      await expect.poll(() => runs, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.stop();
    }
  });
});
