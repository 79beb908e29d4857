import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createLearningTrack } from '../support/learning.ts';
import { staffUsers } from '../support/staff.ts';

describe('the learning-track fixture', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test.close());

  it('builds a published track with pools, core and remedial articles', async () => {
    const staff = await staffUsers(test);
    const track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
    expect(track.stages).toHaveLength(2);
    expect([...track.questionsByModule.values()].map((ids) => ids.length)).toEqual([10, 10, 10]);
    expect([...track.coreArticles.values()].flat()).toHaveLength(2);
    const response = await test.app.inject({ method: 'GET', url: `/api/v1/tracks/${track.slug}` });
    expect(response.statusCode).toBe(200);
  });
});
