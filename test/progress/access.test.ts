import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { answerAndFinish, type Auth, call, progressOf, start, study } from './support.ts';

describe('progress access and input', () => {
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  let enrollmentId: string;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, {
      stages: 1,
      modules: 2,
      perTier: 0,
      untiered: 4,
      // No question refers to the stage: only the students' rows keep it.
      minitestSize: 0,
    });
    const enrolled = await call(
      test,
      { method: 'POST', url: `/api/v1/tracks/${track.slug}/enrollment`, headers: staff.student.auth },
      201,
    );
    enrollmentId = enrolled.json().enrollment.id;
    const diagnostic = await start(test, staff.student.auth, `/me/tracks/${track.slug}/diagnostic`);
    await answerAndFinish(test, staff.student.auth, diagnostic, true);
  });
  afterAll(async () => test.close());

  const patch = (auth: Auth | Record<string, never>, id: string, payload: unknown) =>
    test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/enrollments/${id}`,
      headers: auth,
      payload: payload as object,
    });

  it('shows another student nothing of someone else’s enrollment (404)', async () => {
    const other = await registeredUser(test, 'other@school.test');
    const progress = await test.app.inject({ url: `/api/v1/me/tracks/${track.slug}/progress`, headers: other.auth });
    expect(progress.statusCode).toBe(404);
    expect(progress.json().code).toBe('not_enrolled');
    const [assignment] = (await progressOf(test, staff.student.auth, track.slug)).assignments;
    for (const url of [
      `/api/v1/me/articles/${assignment!.article.id}/open`,
      `/api/v1/me/articles/${assignment!.article.id}/minitest`,
      `/api/v1/me/tracks/${track.slug}/stages/1/level-exam`,
      `/api/v1/me/tracks/${track.slug}/rank-final`,
      `/api/v1/me/tracks/${track.slug}/diagnostic`,
    ]) {
      const response = await test.app.inject({ method: 'POST', url, headers: other.auth });
      expect(response.statusCode, url).toBe(404);
    }
    const mine = await test.app.inject({ url: '/api/v1/me/enrollments', headers: other.auth });
    expect(mine.json()).toEqual({ items: [], total: 0 });
    expect((await test.app.inject({ url: '/api/v1/me/enrollments' })).statusCode).toBe(401);
  });

  it('lets admins and the owner set extra time (audited), nobody else', async () => {
    expect((await patch(staff.student.auth, enrollmentId, { extraTimePercent: 50 })).statusCode).toBe(403);
    expect((await patch(staff.moderator.auth, enrollmentId, { extraTimePercent: 50 })).statusCode).toBe(403);
    expect((await patch({}, enrollmentId, { extraTimePercent: 50 })).statusCode).toBe(401);
    const response = await patch(staff.admin.auth, enrollmentId, { extraTimePercent: 50 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: enrollmentId, extraTimePercent: 50, status: 'learning' });
    expect((await patch(staff.owner.auth, enrollmentId, { extraTimePercent: 0 })).json().extraTimePercent).toBe(0);
    const audit = await test.container.db
      .selectFrom('auditEvents')
      .select(['actorId'])
      .where('action', '=', 'enrollment.extra_time_set')
      .where('subjectId', '=', enrollmentId)
      .execute();
    expect(audit.map((row) => row.actorId).sort()).toEqual([staff.admin.userId, staff.owner.userId].sort());
  });

  it('gives timed attempts the enrollment’s extra time', async () => {
    expect((await patch(staff.admin.auth, enrollmentId, { extraTimePercent: 100 })).statusCode).toBe(200);
    await study(test, staff.student.auth, track.slug);
    const examId = await start(test, staff.student.auth, `/me/tracks/${track.slug}/stages/1/level-exam`);
    const [exam] = (await progressOf(test, staff.student.auth, track.slug)).attempts;
    expect(exam).toMatchObject({ id: examId, status: 'in_progress' });
    const { startedAt, deadlineAt } = exam as unknown as { startedAt: string; deadlineAt: string };
    const limit = SMALL_SETTINGS.levelExam!.timeLimitMinutes as number;
    expect(Date.parse(deadlineAt) - Date.parse(startedAt)).toBe(2 * limit * 60_000);
    await patch(staff.admin.auth, enrollmentId, { extraTimePercent: 0 });
  });

  it('answers bad input with problems, and unknown enrollments with 404', async () => {
    for (const body of [
      { extraTimePercent: 201 },
      { extraTimePercent: -1 },
      { extraTimePercent: 1.5 },
      {},
      { extra: 1 },
    ]) {
      const response = await patch(staff.admin.auth, enrollmentId, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await patch(staff.admin.auth, '0190d4f0-0000-7000-8000-000000000000', { extraTimePercent: 10 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('enrollment_not_found');
    expect((await patch(staff.admin.auth, 'nope', { extraTimePercent: 10 })).statusCode).toBe(404);
    const list = await test.app.inject({ url: '/api/v1/admin/enrollments?limit=0', headers: staff.admin.auth });
    expect(list.statusCode).toBe(400);
    const status = await test.app.inject({ url: '/api/v1/admin/enrollments?status=done', headers: staff.admin.auth });
    expect(status.statusCode).toBe(400);
  });

  it('lists enrollments for staff, filtered and paginated', async () => {
    const second = await registeredUser(test, 'second@school.test');
    await call(test, { method: 'POST', url: `/api/v1/tracks/${track.slug}/enrollment`, headers: second.auth }, 201);
    const list = (query: string, auth: Auth = staff.admin.auth) =>
      test.app.inject({ url: `/api/v1/admin/enrollments${query}`, headers: auth });
    expect((await list('', staff.student.auth)).statusCode).toBe(403);
    const all = (await list(`?trackId=${track.id}`)).json();
    expect(all.total).toBe(2);
    expect(all.items[0]).toMatchObject({
      userId: second.userId,
      studentEmail: 'second@school.test',
      status: 'diagnostic',
      stageCount: 1,
      progressPercent: 0,
    });
    expect((await list('?status=learning')).json().items.map((item: { id: string }) => item.id)).toEqual([
      enrollmentId,
    ]);
    expect((await list('?q=SECOND@')).json().total).toBe(1);
    expect((await list('?q=%25')).json().total).toBe(0);
    const page = (await list(`?trackId=${track.id}&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: 2, items: [{ id: enrollmentId }] });
    expect((await list('?trackId=not-a-uuid')).json()).toEqual({ items: [], total: 0, totalIsCapped: false });
  });

  it('keeps what students were assigned: the article and the stage cannot be deleted (409)', async () => {
    const [assignment] = (await progressOf(test, staff.student.auth, track.slug)).assignments;
    const removal = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/articles/${assignment!.article.id}`,
      headers: staff.admin.auth,
    });
    expect(removal.statusCode, removal.body).toBe(409);
    expect(removal.json().code).toBe('article_in_use');

    const owner = { id: staff.owner.userId, role: 'owner' as const };
    const { catalog } = test.container.modules;
    await catalog.useCases.updateTrack({ actor: owner, trackId: track.id, status: 'draft', now: new Date() });
    const deletion = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/stages/${track.stages[0]!.id}`,
      headers: staff.admin.auth,
    });
    expect(deletion.statusCode, deletion.body).toBe(409);
    expect(deletion.json().code).toBe('stage_has_learners');
  });
});
