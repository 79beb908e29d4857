import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyOf, requestOf } from '../approvals/journey.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, HOUR } from '../support/clock.ts';
import { login, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

/**
 * The read model over rows the real progress, assessment and approvals use cases write: two
 * students through stage 1 (one fails first), one approved after two hours.
 */
const clock = createTestClock();
let test: TestApp;
let staff: Staff;
let track: LearningTrack;

/** The admin signed in now (access tokens expire as the test clock moves on). */
const adminAuth = async () => (await login(test.app, 'admin@school.test', STRONG_PASSWORD)).auth;

beforeAll(async () => {
  test = await createTestApp({ clock });
  staff = await staffUsers(test);
  track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
  const a = await registeredUser(test, 'anna@school.test');
  const b = await registeredUser(test, 'boris@school.test');
  const anna = journeyOf(test, { id: a.userId, role: 'student' }, track);
  const boris = journeyOf(test, { id: b.userId, role: 'student' }, track);
  await anna.toFirstRequest();
  await boris.enroll();
  await boris.diagnostic();
  await boris.study();
  await boris.levelExam(1, false);
  await boris.levelExam(1, true);
  const request = await requestOf(test, a.auth, track.id);
  clock.advance(2 * HOUR);
  const approved = await test.app.inject({
    method: 'POST',
    url: `/api/v1/admin/approvals/${request.id}/approve`,
    headers: { ...(await adminAuth()), 'content-type': 'application/json' },
    payload: {},
  });
  expect(approved.statusCode, approved.body).toBe(200);
  clock.advance(HOUR);
});
afterAll(() => test.close());

describe('analytics over a journey taken through the real use cases', () => {
  it('reports where the students are, the exams and the approval wait', async () => {
    const response = await test.app.inject({
      url: `/api/v1/admin/tracks/${track.id}/analytics`,
      headers: await adminAuth(),
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.enrollments).toEqual({ diagnostic: 0, learning: 2, final: 0, graduated: 0 });
    expect(report.stages[0].students).toEqual({ active: 0, pendingApproval: 1, completed: 1 });
    expect(report.stages[1].students).toEqual({ active: 1, pendingApproval: 0, completed: 0 });
    expect(report.stages[0].levelExam).toEqual({
      finished: 3,
      passed: 2,
      passRate: 2 / 3,
      studentsPassed: 2,
      meanAttemptsToPass: 1.5,
    });
    expect(report.approvals).toEqual({
      decided: 1,
      medianWaitSeconds: 2 * 3600,
      meanWaitSeconds: 2 * 3600,
      pending: 1,
      oldestPendingSeconds: 3 * 3600,
    });
  });

  it('counts the level exams’ answers only (not the diagnostics or mini-tests)', async () => {
    const response = await test.app.inject({
      url: `/api/v1/admin/questions/stats?trackId=${track.id}&limit=500`,
      headers: await adminAuth(),
    });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json<{
      items: { answered: number; pValue: number | null; optionCounts: number[]; blank: number }[];
    }>();
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    // Three level exams of four questions; every question answered with one option.
    expect(sum(items.map((item) => item.answered))).toBe(12);
    expect(sum(items.map((item) => item.blank))).toBe(0);
    expect(sum(items.flatMap((item) => item.optionCounts))).toBe(12);
    // Two exams all right, one all wrong: 8 right answers in all.
    expect(sum(items.map((item) => (item.pValue ?? 0) * item.answered))).toBeCloseTo(8, 10);
  });
});
