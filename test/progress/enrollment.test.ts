import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

describe('enrollment', () => {
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 1, modules: 2 });
  });
  afterAll(async () => test.close());

  const enroll = (auth: { authorization: string }, slug: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url: `/api/v1/tracks/${slug}/enrollment`, headers: { ...auth, ...headers } });

  it('enrolls in a published track (201), then answers 200 with the same enrollment', async () => {
    const first = await enroll(staff.student.auth, track.slug);
    expect(first.statusCode, first.body).toBe(201);
    const { enrollment } = first.json();
    expect(enrollment).toEqual({
      id: expect.any(String),
      userId: staff.student.userId,
      track: { id: track.id, slug: track.slug, title: `Track ${track.slug}` },
      status: 'diagnostic',
      extraTimePercent: 0,
      enrolledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      graduatedAt: null,
    });
    const again = await enroll(staff.student.auth, track.slug);
    expect(again.statusCode).toBe(200);
    expect(again.json().enrollment.id).toBe(enrollment.id);
  });

  it('gives one enrollment to parallel requests', async () => {
    const student = await registeredUser(test, 'parallel@school.test');
    const responses = await Promise.all(Array.from({ length: 10 }, () => enroll(student.auth, track.slug)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map((response) => response.json().enrollment.id)).size).toBe(1);
    const rows = await test.container.db
      .selectFrom('enrollments')
      .select('id')
      .where('userId', '=', student.userId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('replays the first response for a repeated Idempotency-Key', async () => {
    const student = await registeredUser(test, 'idempotent@school.test');
    const headers = { 'idempotency-key': 'enroll-once' };
    const first = await enroll(student.auth, track.slug, headers);
    const repeat = await enroll(student.auth, track.slug, headers);
    expect(first.statusCode).toBe(201);
    expect(repeat.statusCode).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(first.json());
  });

  it('refuses drafts and unknown tracks with 404, guests with 401', async () => {
    const { catalog } = test.container.modules;
    const draft = await catalog.useCases.createTrack({
      actor: { id: staff.owner.userId, role: 'owner' },
      slug: 'draft-track',
      title: 'Draft',
      description: '',
      now: new Date(),
    });
    expect(draft.id).toBeTruthy();
    const response = await enroll(staff.student.auth, 'draft-track');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('track_not_found');
    expect((await enroll(staff.student.auth, 'no-such-track')).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'POST', url: `/api/v1/tracks/${track.slug}/enrollment` })).statusCode).toBe(
      401,
    );
  });
});
