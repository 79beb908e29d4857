import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';

export type Auth = { authorization: string };

/** A JSON request through the real app, asserting the status (with the body in the message). */
export async function call(test: TestApp, options: InjectOptions, status: number) {
  const response = await test.app.inject(options);
  expect(response.statusCode, response.body).toBe(status);
  return response;
}

export const progressOf = async (test: TestApp, auth: Auth, slug: string) =>
  (
    await call(test, { method: 'GET', url: `/api/v1/me/tracks/${slug}/progress`, headers: auth }, 200)
  ).json<ProgressJson>();

export type ProgressJson = {
  enrollment: { id: string; status: string; extraTimePercent: number };
  stages: { id: string; position: number; status: string; settingsVersion: number | null }[];
  mastery: { moduleId: string; answered: number; correct: number; mastery: number; weak: boolean; position: number }[];
  weakModules: string[];
  assignments: {
    article: { id: string };
    stageId: string;
    reason: { kind: 'core' | 'remedial'; moduleId?: string; mastery?: number };
    position: number;
    done: boolean;
    openedAt: string | null;
    minitestSize: number;
  }[];
  attempts: { id: string; status: string; settingsVersion: number }[];
  diagnostic: { id: string; status: string } | null;
  next: { action: string; [key: string]: unknown };
  lastDecision: { status: string; comment: string | null; decidedAt: string } | null;
  certificateCode: string | null;
};

/**
 * Answers every question of the attempt — right when `right(moduleId, index)` says so, else with
 * a wrong option — reading the correct options from the database, then finishes it.
 */
export async function answerAndFinish(
  test: TestApp,
  auth: Auth,
  attemptId: string,
  right: boolean | ((moduleId: string, index: number) => boolean),
) {
  const attempt = (await call(test, { method: 'GET', url: `/api/v1/attempts/${attemptId}`, headers: auth }, 200)).json<{
    questions: { id: string; moduleId: string; options: string[] }[];
  }>();
  const correct = new Map(
    (
      await test.container.db
        .selectFrom('questions')
        .select(['id', 'correct'])
        .where(
          'id',
          'in',
          attempt.questions.map((question) => question.id),
        )
        .execute()
    ).map((row) => [row.id, row.correct]),
  );
  for (const [index, question] of attempt.questions.entries()) {
    const good = [...(correct.get(question.id) ?? [])];
    const isRight = typeof right === 'function' ? right(question.moduleId, index) : right;
    const selected = isRight ? good : [question.options.findIndex((_, option) => !good.includes(option))];
    await call(
      test,
      {
        method: 'PUT',
        url: `/api/v1/attempts/${attemptId}/answers/${question.id}`,
        headers: auth,
        payload: { selected },
      },
      204,
    );
  }
  return (await call(test, { method: 'POST', url: `/api/v1/attempts/${attemptId}/finish`, headers: auth }, 200)).json<{
    status: string;
    passed: boolean;
  }>();
}

export async function start(test: TestApp, auth: Auth, url: string, status: 200 | 201 = 201): Promise<string> {
  return (await call(test, { method: 'POST', url: `/api/v1${url}`, headers: auth }, status)).json<{
    attemptId: string;
  }>().attemptId;
}

/** Opens every unfinished assignment of the open stage and passes the mini-tests. */
export async function study(test: TestApp, auth: Auth, slug: string): Promise<void> {
  for (const assignment of (await progressOf(test, auth, slug)).assignments.filter((row) => !row.done)) {
    await call(test, { method: 'POST', url: `/api/v1/me/articles/${assignment.article.id}/open`, headers: auth }, 204);
    if (assignment.minitestSize > 0) {
      const attemptId = await start(test, auth, `/me/articles/${assignment.article.id}/minitest`);
      expect((await answerAndFinish(test, auth, attemptId, true)).passed).toBe(true);
    }
  }
}

export async function pendingRequestId(test: TestApp, auth: Auth, trackId: string): Promise<string> {
  const items = (await call(test, { method: 'GET', url: '/api/v1/me/approvals', headers: auth }, 200)).json<{
    items: { id: string; status: string; track: { id: string } }[];
  }>().items;
  const pending = items.filter((item) => item.track.id === trackId && item.status === 'pending');
  expect(pending).toHaveLength(1);
  return pending[0]!.id;
}

export async function approve(test: TestApp, admin: Auth, requestId: string) {
  await call(
    test,
    { method: 'POST', url: `/api/v1/admin/approvals/${requestId}/approve`, headers: admin, payload: {} },
    200,
  );
}
