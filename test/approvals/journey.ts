import { expect } from 'vitest';
import type { Actor, AttemptResult } from '../../src/modules/assessment/index.ts';
import type { TestApp } from '../support/app.ts';
import { type LearningTrack } from '../support/learning.ts';

/**
 * Takes a student through the journey with the real use cases of progress and assessment (the
 * fixture's correct option is the one written "right", wherever the attempt shuffled it).
 */
export function journeyOf(test: TestApp, student: Actor, track: LearningTrack) {
  const { progress, assessment } = test.container.modules;
  const slug = track.slug;

  async function answerAndFinish(attemptId: string, pass: boolean): Promise<AttemptResult> {
    const attempt = await assessment.useCases.getAttempt(student, attemptId);
    for (const question of attempt.questions) {
      const right = question.options.indexOf('right');
      const wrong = question.options.findIndex((option) => option !== 'right');
      await assessment.useCases.saveAnswer(student, attemptId, question.id, [pass ? right : wrong]);
    }
    return assessment.useCases.finish(student, attemptId);
  }

  const journey = {
    async enroll() {
      await progress.useCases.enroll(student, slug);
    },
    async diagnostic() {
      const { attemptId } = await progress.useCases.startDiagnostic(student, slug);
      await answerAndFinish(attemptId, true);
    },
    async study() {
      const { assignments } = await progress.useCases.progress(student, slug);
      for (const assignment of assignments.filter((candidate) => !candidate.done)) {
        await progress.useCases.openArticle(student, assignment.article.id);
        if (assignment.minitestSize === 0) continue;
        const { attemptId } = await progress.useCases.startMinitest(student, assignment.article.id);
        expect((await answerAndFinish(attemptId, true)).passed).toBe(true);
      }
    },
    /** The level exam's attempt id. */
    async levelExam(position: number, pass = true): Promise<string> {
      const { attemptId } = await progress.useCases.startLevelExam(student, slug, position);
      expect((await answerAndFinish(attemptId, pass)).passed).toBe(pass);
      return attemptId;
    },
    /** Studies the stage and passes its level exam: the attempt id. */
    async passStage(position: number): Promise<string> {
      await journey.study();
      return journey.levelExam(position, true);
    },
    async rankFinal(pass = true): Promise<string> {
      const { attemptId } = await progress.useCases.startRankFinal(student, slug);
      expect((await answerAndFinish(attemptId, pass)).passed).toBe(pass);
      return attemptId;
    },
    /** Enrolled, diagnosed, stage 1 studied and passed: the pending request's attempt. */
    async toFirstRequest(): Promise<string> {
      await journey.enroll();
      await journey.diagnostic();
      return journey.passStage(1);
    },
    async stages() {
      return (await progress.useCases.progress(student, slug)).stages;
    },
    async progress() {
      return progress.useCases.progress(student, slug);
    },
  };
  return journey;
}

/** The student's one request on the track in the given status (through the real JSON API). */
export async function requestOf(
  test: TestApp,
  auth: { authorization: string },
  trackId: string,
  status: 'pending' | 'approved' | 'rejected' = 'pending',
) {
  const response = await test.app.inject({ url: '/api/v1/me/approvals', headers: auth });
  expect(response.statusCode, response.body).toBe(200);
  const items = response.json<{ items: { id: string; status: string; track: { id: string } }[] }>().items;
  const found = items.filter((item) => item.track.id === trackId && item.status === status);
  expect(found, `one ${status} request`).toHaveLength(1);
  return found[0]!;
}
