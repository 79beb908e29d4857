import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock } from '../support/clock.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { buildDataset } from './dataset.ts';

type QuestionStat = {
  questionId: string;
  answered: number;
  blank: number;
  pValue: number | null;
  discrimination: number | null;
  optionCounts: number[];
  flags: string[];
  moduleId: string;
  stageId: string | null;
  text: string;
};

const clock = createTestClock();
let test: TestApp;
let staff: Staff;
let track: LearningTrack;
let q: Awaited<ReturnType<typeof buildDataset>>;

beforeAll(async () => {
  test = await createTestApp({ clock });
  staff = await staffUsers(test);
  track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 2, perTier: 2, untiered: 1 });
  const s1 = await registeredUser(test, 's1@school.test');
  const s2 = await registeredUser(test, 's2@school.test');
  const s3 = await registeredUser(test, 's3@school.test');
  q = await buildDataset(
    test.container.db,
    track,
    { s1: s1.userId, s2: s2.userId, s3: s3.userId, s4: staff.student.userId, admin: staff.admin.userId },
    clock.now(),
  );
});
afterAll(() => test.close());

const get = (url: string, headers: Record<string, string> = staff.admin.auth) =>
  test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

const statsOf = async (query = '') => {
  const response = await get(`/admin/questions/stats?trackId=${track.id}&limit=100${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ items: QuestionStat[]; total: number }>();
  return { ...body, byId: new Map(body.items.map((item) => [item.questionId, item])) };
};

describe('GET /admin/tracks/{id}/analytics', () => {
  it('counts students per stage and status, exams and approval waits as worked out by hand', async () => {
    const response = await get(`/admin/tracks/${track.id}/analytics`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.track).toEqual({ id: track.id, slug: track.slug, title: `Track ${track.slug}` });
    expect(report.enrollments).toEqual({ diagnostic: 1, learning: 2, final: 0, graduated: 1 });
    expect(
      report.stages.map((stage: { position: number; students: object }) => [stage.position, stage.students]),
    ).toEqual([
      [1, { active: 0, pendingApproval: 1, completed: 2 }],
      [2, { active: 1, pendingApproval: 0, completed: 1 }],
    ]);
    // Stage 1: 5 finished (the annulled pass left out), 3 passed; attempts to pass 2 + 2 + 1.
    expect(report.stages[0].levelExam).toEqual({
      finished: 5,
      passed: 3,
      passRate: 0.6,
      studentsPassed: 3,
      meanAttemptsToPass: expect.closeTo(5 / 3, 10),
    });
    // Stage 2: failed then passed; the open attempt does not count.
    expect(report.stages[1].levelExam).toEqual({
      finished: 2,
      passed: 1,
      passRate: 0.5,
      studentsPassed: 1,
      meanAttemptsToPass: 2,
    });
    expect(report.rankFinal).toEqual({ finished: 1, passed: 1, passRate: 1, studentsPassed: 1, meanAttemptsToPass: 1 });
    // Waits 2 h, 4 h, 6 h, 1 h (the automatic approval left out): median 3 h, mean 3.25 h.
    expect(report.approvals).toEqual({
      decided: 4,
      medianWaitSeconds: 3 * 3600,
      meanWaitSeconds: 3.25 * 3600,
      pending: 1,
      oldestPendingSeconds: 3 * 3600,
    });
    expect(report.generatedAt).toBe(clock.now().toISOString());
  });

  it('is 404 for an unknown track', async () => {
    const response = await get('/admin/tracks/01890000-0000-7000-8000-000000000000/analytics');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('track_not_found');
  });

  it('reports an empty track with zeros and nulls', async () => {
    const empty = await createLearningTrack(test, staff.owner.userId, { stages: 1, modules: 2 });
    const report = (await get(`/admin/tracks/${empty.id}/analytics`)).json();
    expect(report.stages[0].levelExam).toEqual({
      finished: 0,
      passed: 0,
      passRate: null,
      studentsPassed: 0,
      meanAttemptsToPass: null,
    });
    expect(report.approvals).toEqual({
      decided: 0,
      medianWaitSeconds: null,
      meanWaitSeconds: null,
      pending: 0,
      oldestPendingSeconds: null,
    });
  });
});

describe('GET /admin/questions/stats', () => {
  it('computes answered, p-value, point-biserial, option counts and flags over counted attempts only', async () => {
    const { byId, total } = await statsOf();
    // Every exam-bank question of the track (2 modules × (2 stages × 2 + 1)), mini-test ones left out.
    expect(total).toBe(10);
    // Q1: right in all 5 counted stage-1 attempts (the diagnostic's wrong answer does not count).
    expect(byId.get(q.q1)).toMatchObject({
      answered: 5,
      blank: 0,
      pValue: 1,
      discrimination: null,
      optionCounts: [5, 0, 0],
      flags: ['too_easy'],
    });
    // Scores of the counted stage-1 attempts: 50, 75, 50, 75, 75.
    // Q2 right at 50, 50, 75: p 0.6, r = -2/3 (the better students miss it).
    expect(byId.get(q.q2)).toMatchObject({ answered: 5, optionCounts: [3, 1, 1], flags: ['low_discrimination'] });
    expect(byId.get(q.q2)?.pValue).toBeCloseTo(0.6, 10);
    expect(byId.get(q.q2)?.discrimination).toBeCloseTo(-2 / 3, 10);
    // Q3 right at 75, 75, 75: r = 1.
    expect(byId.get(q.q3)).toMatchObject({ answered: 5, optionCounts: [3, 1, 1], flags: [] });
    expect(byId.get(q.q3)?.discrimination).toBeCloseTo(1, 10);
    // Q4 right at 75, 75 and once left blank: p 0.4, r = 2/3.
    expect(byId.get(q.q4)).toMatchObject({ answered: 5, blank: 1, optionCounts: [2, 2, 0], flags: [] });
    expect(byId.get(q.q4)?.pValue).toBeCloseTo(0.4, 10);
    expect(byId.get(q.q4)?.discrimination).toBeCloseTo(2 / 3, 10);
    // Q5, Q6 over stage 2 (0, 100) and the rank final (50); the open attempt does not count.
    expect(byId.get(q.q5)).toMatchObject({ answered: 3, optionCounts: [2, 1, 0] });
    expect(byId.get(q.q5)?.pValue).toBeCloseTo(2 / 3, 10);
    expect(byId.get(q.q5)?.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(byId.get(q.q6)).toMatchObject({ answered: 3, optionCounts: [2, 1, 1] });
    expect(byId.get(q.q6)?.pValue).toBeCloseTo(1 / 3, 10);
    expect(byId.get(q.q6)?.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(byId.get(q.q7)).toMatchObject({
      answered: 0,
      pValue: null,
      discrimination: null,
      optionCounts: [0, 0, 0],
      flags: [],
    });
  });

  it('applies the thresholds of the query', async () => {
    const { byId } = await statsOf('&minP=0.65&maxP=1&minDiscrimination=0.9');
    expect(byId.get(q.q1)?.flags).toEqual([]);
    expect(byId.get(q.q2)?.flags).toEqual(['too_hard', 'low_discrimination']);
    expect(byId.get(q.q3)?.flags).toEqual(['too_hard']);
    expect(byId.get(q.q4)?.flags).toEqual(['too_hard', 'low_discrimination']);
    expect(byId.get(q.q5)?.flags).toEqual(['low_discrimination']);
  });

  it('sorts by flags, p-value or discrimination and pages with limit and offset', async () => {
    const flagged = await statsOf('&flagged=true');
    expect(flagged.items.map((item) => item.questionId).sort()).toEqual([q.q1, q.q2].sort());
    const byP = await statsOf('&sort=pValue');
    // p: Q6 1/3, Q4 0.4, Q2 = Q3 0.6 (ties by id), Q5 2/3, Q1 1; unanswered last.
    const tied = [q.q2, q.q3].sort();
    expect(byP.items.slice(0, 6).map((item) => item.questionId)).toEqual([q.q6, q.q4, ...tied, q.q5, q.q1]);
    expect(byP.items.slice(6).every((item) => item.pValue === null)).toBe(true);
    const byDiscrimination = await statsOf('&sort=discrimination');
    expect(byDiscrimination.items[0]?.questionId).toBe(q.q2);
    const descending = await statsOf('&sort=discrimination&order=desc');
    expect(descending.items[0]?.questionId).toBe(q.q3);
    const page = await get(`/admin/questions/stats?trackId=${track.id}&sort=pValue&limit=2&offset=1`);
    expect(page.json().total).toBe(10);
    expect(page.json().items.map((item: QuestionStat) => item.questionId)).toEqual([q.q4, byP.items[2]?.questionId]);
    const moduleOnly = await statsOf(`&moduleId=${track.modules[0]?.id}`);
    expect(moduleOnly.total).toBe(5);
  });

  it('refuses bad thresholds with a localized problem', async () => {
    const range = await get(`/admin/questions/stats?trackId=${track.id}&minP=-0.5&maxP=2`, {
      ...staff.admin.auth,
      'accept-language': 'en',
    });
    expect(range.statusCode).toBe(422);
    expect(range.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(range.json().code).toBe('invalid_thresholds');
    expect(range.json().detail).toBe('Пороги флагов заданы неверно (2).');
    expect(range.json().errors).toEqual([
      { path: '/minP', message: 'Допустимо от 0 до 1.' },
      { path: '/maxP', message: 'Допустимо от 0 до 1.' },
    ]);
    const crossed = await get(`/admin/questions/stats?trackId=${track.id}&minP=0.9&maxP=0.5`);
    expect(crossed.statusCode).toBe(422);
    expect(crossed.json().errors).toEqual([{ path: '/minP', message: 'Нижний порог (0.9) больше верхнего (0.5).' }]);
    const notANumber = await get(`/admin/questions/stats?trackId=${track.id}&minP=abc`);
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.headers['content-type']).toMatch(/application\/problem\+json/);
    const infinite = await get(`/admin/questions/stats?trackId=${track.id}&minDiscrimination=1e400`);
    expect(infinite.statusCode).toBe(400);
    const noTrack = await get('/admin/questions/stats');
    expect(noTrack.statusCode).toBe(400);
    const unknown = await get('/admin/questions/stats?trackId=01890000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('who may read analytics', () => {
  const trackUrl = () => `/admin/tracks/${track.id}/analytics`;
  const statsUrl = () => `/admin/questions/stats?trackId=${track.id}`;

  it('guests get 401 and students 403, whatever the query', async () => {
    for (const url of [trackUrl(), statsUrl(), '/admin/questions/stats?minP=abc']) {
      expect((await get(url, {})).statusCode, url).toBe(401);
      expect((await get(url, staff.student.auth)).statusCode, url).toBe(403);
    }
  });

  it('moderators read question statistics (they edit the bank) but not track analytics', async () => {
    expect((await get(statsUrl(), staff.moderator.auth)).statusCode).toBe(200);
    const refused = await get(trackUrl(), staff.moderator.auth);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
  });

  it('admins and the owner read both', async () => {
    for (const who of [staff.admin, staff.owner]) {
      expect((await get(trackUrl(), who.auth)).statusCode).toBe(200);
      expect((await get(statsUrl(), who.auth)).statusCode).toBe(200);
    }
  });

  it('lists both operations in the OpenAPI document', async () => {
    const doc = (await test.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, object> }>();
    expect(Object.keys(doc.paths['/api/v1/admin/tracks/{id}/analytics'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/admin/questions/stats'] ?? {})).toContain('get');
  });
});
