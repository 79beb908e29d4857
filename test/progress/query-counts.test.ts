import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalReads } from '../../src/modules/approvals/infrastructure/approval.reads.ts';
import { createProgressReadModel } from '../../src/modules/progress/infrastructure/progress.reads.ts';
import { journeyOf } from '../approvals/journey.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';
import { injectCounted, type QueryLog } from '../support/query-counter.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

/**
 * The hot paths send a number of statements that does not grow with the data: not with the rows
 * of a page, not with the question bank. Statement counts are deterministic, unlike timings.
 */
describe('statements per request on the journey hot paths', () => {
  let test: TestApp;
  let staff: Staff;
  const tracks: LearningTrack[] = [];
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
    for (const slug of ['count-a', 'count-b', 'count-c']) {
      const track = await createLearningTrack(test, staff.owner.userId, { slug, settings: SMALL_SETTINGS });
      tracks.push(track);
    }
  });
  afterAll(async () => test?.close());

  const counted = async (url: string, auth: { authorization: string }, method: 'GET' | 'POST' = 'GET') => {
    const { response, log } = await injectCounted(test, { method, url, headers: auth });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return { body: response.json<{ items?: unknown[]; total?: number }>(), log };
  };
  const selectsOf = (log: QueryLog, table: string) =>
    log.statements.filter((text) => new RegExp(`from "${table}"`).test(text)).length;

  /** A student enrolled in the first `count` tracks (with the diagnostic taken). */
  async function studentIn(email: string, count: number) {
    const user = await registeredUser(test, email);
    for (const track of tracks.slice(0, count)) {
      const journey = journeyOf(test, { id: user.userId, role: 'student' }, track);
      await journey.enroll();
      await journey.diagnostic();
    }
    return user;
  }

  it('lists enrollments for staff with as many statements for 1 row as for 4', async () => {
    await studentIn('one-track@school.test', 1);
    const url = (limit: number) => `/api/v1/admin/enrollments?trackId=${tracks[0]!.id}&limit=${limit}`;
    const small = await counted(url(1), staff.admin.auth);
    await studentIn('two-tracks@school.test', 2);
    await studentIn('three-tracks@school.test', 3);
    await studentIn('more@school.test', 1);
    const large = await counted(url(10), staff.admin.auth);
    expect(small.body.items).toHaveLength(1);
    expect(large.body.items).toHaveLength(4);
    expect(large.log.count, large.log.statements.join('\n')).toBe(small.log.count);
    expect(selectsOf(large.log, 'stage_progress')).toBe(1);
  });

  it("lists a student's own enrollments with as many statements for 1 track as for 3", async () => {
    const one = await studentIn('mine-one@school.test', 1);
    const three = await studentIn('mine-three@school.test', 3);
    const small = await counted('/api/v1/me/enrollments', one.auth);
    const large = await counted('/api/v1/me/enrollments', three.auth);
    expect(large.body.items).toHaveLength(3);
    // One outline statement per distinct track, nothing per enrollment besides.
    const outline = selectsOf(large.log, 'stages');
    expect(outline).toBe(3);
    expect(large.log.count - small.log.count, large.log.statements.join('\n')).toBe(2);
  });

  it('pages the approvals queue with as many statements for 2 pending requests as for 5', async () => {
    const queue = () => counted('/api/v1/admin/approvals?status=pending', staff.admin.auth);
    const passFirstStage = async (email: string) => {
      const user = await registeredUser(test, email);
      await journeyOf(test, { id: user.userId, role: 'student' }, tracks[2]!).toFirstRequest();
    };
    for (const n of [1, 2]) await passFirstStage(`queue-${n}@school.test`);
    const small = await queue();
    for (const n of [3, 4, 5]) await passFirstStage(`queue-${n}@school.test`);
    const large = await queue();
    expect(small.body.total).toBe(2);
    expect(large.body.total).toBe(5);
    expect(large.log.count, large.log.statements.join('\n')).toBe(small.log.count);
  });

  it('pages every status as one list: the queue oldest first, then the latest decisions', async () => {
    type Page = {
      items: { id: string; status: string; requestedAt: string; decidedAt: string | null }[];
      total: number;
    };
    const list = async (query: string) => {
      const response = await test.app.inject({ url: `/api/v1/admin/approvals?${query}`, headers: staff.admin.auth });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Page>();
    };
    const queue = (await list('status=pending')).items;
    for (const request of [queue[3]!, queue[1]!]) {
      const decided = await test.app.inject({
        method: 'POST',
        url: `/api/v1/admin/approvals/${request.id}/approve`,
        headers: staff.admin.auth,
        payload: {},
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const all = await list('limit=100');
    expect(all.total).toBe(5);
    expect(all.items.map((item) => item.status)).toEqual(['pending', 'pending', 'pending', 'approved', 'approved']);
    // The pending ones in queue order, then the newest decision (queue[1], decided last) first.
    expect(all.items.map((item) => item.id)).toEqual(
      [queue[0], queue[2], queue[4], queue[1], queue[3]].map((r) => r!.id),
    );
    for (const limit of [1, 2, 3, 4]) {
      const pages: string[] = [];
      for (let offset = 0; offset < 6; offset += limit) {
        const page = await list(`limit=${limit}&offset=${offset}`);
        expect(page.total).toBe(5);
        pages.push(...page.items.map((item) => item.id));
      }
      expect(pages, `pages of ${limit}`).toEqual(all.items.map((item) => item.id));
    }
    expect((await list('status=approved')).items.map((item) => item.id)).toEqual([queue[1]!.id, queue[3]!.id]);
  });

  it('counts the staff lists only up to their cap, and pages on past it', async () => {
    // The requests of the test above: 3 pending, 2 approved. The app's own cap (1,000) is far.
    const exact = await test.app.inject({ url: '/api/v1/admin/approvals?limit=100', headers: staff.admin.auth });
    expect(exact.json()).toMatchObject({ total: 5, totalIsCapped: false });

    const approvals = createApprovalReads(test.container.db, { totalCap: 1 });
    const all = await approvals.list({ limit: 100, offset: 0 });
    expect(all.items).toHaveLength(5);
    // Pending ones counted exactly (the page reaches past them), decided ones up to the cap.
    expect(all).toMatchObject({ total: 4, totalIsCapped: true });
    // More pending requests than the page reaches: the page is all pending, the total a floor.
    const first = await approvals.list({ limit: 1, offset: 0 });
    expect(first).toMatchObject({ total: 2, totalIsCapped: true });
    expect(first.items.map((item) => item.status)).toEqual(['pending']);
    const paged: string[] = [];
    for (let offset = 0; offset < 7; offset += 1) {
      paged.push(...(await approvals.list({ limit: 1, offset })).items.map((item) => item.id));
    }
    expect(paged).toEqual(all.items.map((item) => item.id));
    const pendingOnly = await approvals.list({ status: 'pending', limit: 100, offset: 0 });
    expect(pendingOnly).toMatchObject({ total: 3, totalIsCapped: false });

    const enrollments = createProgressReadModel(test.container.db, { totalCap: 2 });
    const everyone = await enrollments.staffList({ limit: 100, offset: 0 });
    expect(everyone.items.length).toBeGreaterThan(2);
    expect(everyone).toMatchObject({ total: 2, totalIsCapped: true });
    const one = await enrollments.staffList({ q: 'queue-1@school.test', limit: 100, offset: 0 });
    expect(one).toMatchObject({ total: 1, totalIsCapped: false });
    const beyond = await enrollments.staffList({ limit: 100, offset: 2 });
    expect(beyond.items.map((item) => item.id)).toEqual(everyone.items.slice(2).map((item) => item.id));
  });

  it('starts a level exam without loading the question bank again while it is unchanged', async () => {
    const track = tracks[1]!;
    /** Enrolled, diagnosed and studied: the level exam of stage 1 is the next step. */
    const ready = async (email: string) => {
      const user = await registeredUser(test, email);
      const journey = journeyOf(test, { id: user.userId, role: 'student' }, track);
      await journey.enroll();
      await journey.diagnostic();
      await journey.study();
      return user;
    };
    const start = (user: { auth: { authorization: string } }) =>
      counted(`/api/v1/me/tracks/${track.slug}/stages/1/level-exam`, user.auth, 'POST');
    const pools = (log: QueryLog) => log.statements.filter((text) => /from "questions" left join "stages"/.test(text));
    const generation = () =>
      test.container.db
        .selectFrom('questionPoolGenerations')
        .select('generation')
        .where('trackId', '=', track.id)
        .executeTakeFirstOrThrow();

    const warm = await start(await ready('exam-a@school.test'));
    expect(pools(warm.log)).toHaveLength(0);
    const again = await start(await ready('exam-b@school.test'));
    expect(pools(again.log)).toHaveLength(0);
    expect(again.log.count).toBe(warm.log.count);
    // Authentication, the outline, the transaction (lock, progress, one scope read, one insert,
    // questions marked used) and the response: 18 statements, BEGIN and COMMIT included.
    expect(again.log.count, again.log.statements.join('\n')).toBe(18);

    // Starting exams marks questions used: that is no change of the pools.
    const before = await generation();
    const student = await ready('exam-c@school.test');
    expect(await generation()).toEqual(before);
    // A new question in the bank: the next start reads the pool once.
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/questions',
      headers: staff.owner.auth,
      payload: {
        trackId: track.id,
        moduleId: track.modules[0]!.id,
        kind: 'single',
        text: 'Which one is right?',
        options: ['right', 'wrong'],
        correct: [0],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await generation()).not.toEqual(before);
    const fresh = await start(student);
    expect(pools(fresh.log)).toHaveLength(1);
    expect(fresh.log.count).toBe(warm.log.count + 1);
  });
});
