import { expect } from 'vitest';
import type { AttemptScope, StartAttemptRequest } from '../../src/modules/assessment/index.ts';
import type { TestApp } from '../support/app.ts';
import { type LoggedIn, registeredUser } from '../support/identity.ts';
import type { LearningTrack } from '../support/learning.ts';

export type Auth = { authorization: string };

/** A student enrolled in the track through the API (status `diagnostic`). */
export async function enrolledStudent(test: TestApp, track: LearningTrack, email: string): Promise<LoggedIn> {
  const student = await registeredUser(test, email);
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/v1/tracks/${track.slug}/enrollment`,
    headers: student.auth,
  });
  expect(response.statusCode, response.body).toBe(201);
  return student;
}

export async function startDiagnostic(test: TestApp, track: LearningTrack, auth: Auth): Promise<string> {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/v1/me/tracks/${track.slug}/diagnostic`,
    headers: auth,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<{ attemptId: string }>().attemptId;
}

export const getAttempt = (test: TestApp, auth: Auth, attemptId: string) =>
  test.app.inject({ method: 'GET', url: `/api/v1/attempts/${attemptId}`, headers: auth });

export const saveAnswer = (test: TestApp, auth: Auth, attemptId: string, questionId: string, selected: unknown[]) =>
  test.app.inject({
    method: 'PUT',
    url: `/api/v1/attempts/${attemptId}/answers/${questionId}`,
    headers: auth,
    payload: { selected },
  });

export const finish = (test: TestApp, auth: Auth, attemptId: string, headers: Record<string, string> = {}) =>
  test.app.inject({ method: 'POST', url: `/api/v1/attempts/${attemptId}/finish`, headers: { ...auth, ...headers } });

export type QuestionJson = { id: string; kind: 'single' | 'multiple'; options: string[]; moduleId: string };

export async function questionsOf(test: TestApp, auth: Auth, attemptId: string): Promise<QuestionJson[]> {
  const response = await getAttempt(test, auth, attemptId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().questions as QuestionJson[];
}

/**
 * Answers the first `rightCount` questions right (the fixture's correct option is always 0) and
 * the rest wrong (option 1).
 */
export async function answer(test: TestApp, auth: Auth, attemptId: string, rightCount: number): Promise<void> {
  const questions = await questionsOf(test, auth, attemptId);
  for (const [index, question] of questions.entries()) {
    const response = await saveAnswer(test, auth, attemptId, question.id, [index < rightCount ? 0 : 1]);
    expect(response.statusCode, response.body).toBe(204);
  }
}

/** A diagnostic taken and finished through the API: the enrollment moves to `learning`, stage 1 active. */
export async function passDiagnostic(test: TestApp, track: LearningTrack, auth: Auth): Promise<void> {
  const attemptId = await startDiagnostic(test, track, auth);
  const response = await finish(test, auth, attemptId);
  expect(response.statusCode, response.body).toBe(200);
}

/**
 * Starts an exam the way progress does, straight through the assessment port in a transaction
 * (the progress use cases check the journey's own rules before this point).
 */
export async function startExam(
  test: TestApp,
  userId: string,
  track: LearningTrack,
  scope: AttemptScope,
  overrides: Partial<Pick<StartAttemptRequest, 'extraTimePercent' | 'now' | 'settings'>> = {},
) {
  const { container } = test;
  const settings = await container.modules.catalog.trackDirectoryFor(container.db).settings(track.id);
  if (!settings) throw new Error('the track has no settings');
  return container.db.transaction().execute((tx) =>
    container.modules.assessment.starterFor(tx).start({
      userId,
      scope,
      settingsVersion: settings.version,
      settings: settings.params,
      mastery: track.modules.map((module) => ({ moduleId: module.id, position: module.position, mastery: 0.5 })),
      extraTimePercent: 0,
      now: container.clock.now(),
      ...overrides,
    }),
  );
}

/** Every key of a JSON value, at any depth. */
export function keysDeep(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        keys.add(key);
        walk(child);
      }
    }
  };
  walk(value);
  return keys;
}
