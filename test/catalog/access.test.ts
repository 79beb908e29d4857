import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { catalogApi, smallSettings } from './support.ts';

describe('catalog API access', () => {
  let test: TestApp;
  let staff: Staff;
  let trackId: string;
  let stageId: string;
  let moduleId: string;
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
    const api = catalogApi(test, staff.admin);
    trackId = (await api.createTrack('access')).id;
    stageId = (await api.addStage(trackId, 'Stage')).id;
    moduleId = (await api.addModule(trackId, 'basics')).id;
    await api.createVersion(trackId, smallSettings());
  });
  afterAll(async () => test?.close());

  const endpoints = (): [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown][] => [
    ['GET', '/admin/tracks'],
    ['POST', '/admin/tracks', { slug: 'new-one', title: 'New' }],
    ['GET', `/admin/tracks/${trackId}`],
    ['PATCH', `/admin/tracks/${trackId}`, { title: 'Renamed' }],
    ['DELETE', `/admin/tracks/${trackId}`],
    ['POST', `/admin/tracks/${trackId}/stages`, { title: 'Another' }],
    ['PATCH', `/admin/stages/${stageId}`, { title: 'Renamed' }],
    ['DELETE', `/admin/stages/${stageId}`],
    ['POST', `/admin/tracks/${trackId}/modules`, { slug: 'other', title: 'Other' }],
    ['PATCH', `/admin/modules/${moduleId}`, { title: 'Renamed' }],
    ['DELETE', `/admin/modules/${moduleId}`],
    ['GET', `/admin/tracks/${trackId}/settings-versions`],
    ['GET', `/admin/tracks/${trackId}/settings-versions/1`],
    ['POST', `/admin/tracks/${trackId}/settings-versions`, { params: {} }],
    ['POST', `/admin/tracks/${trackId}/settings-versions/1/activate`],
  ];

  it('answers a guest 401 on every admin endpoint', async () => {
    const guest = catalogApi(test);
    for (const [method, url, payload] of endpoints()) {
      const response = await guest.call(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('answers students and moderators 403 catalog.forbidden on every admin endpoint, changing nothing', async () => {
    for (const user of [staff.student, staff.moderator]) {
      const api = catalogApi(test, user);
      for (const [method, url, payload] of endpoints()) {
        const response = await api.call(method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({
          code: 'forbidden',
          detail: 'Каталогом управляют администраторы и владелец.',
        });
        expect(response.headers['cache-control']).toBe('no-store');
      }
    }
    const track = await catalogApi(test, staff.admin).track(trackId);
    expect(track.title).toBe('Track access');
    expect(track.stages).toHaveLength(1);
    expect(track.modules).toHaveLength(1);
  });

  it('lets the owner do what an admin does', async () => {
    const owner = catalogApi(test, staff.owner);
    const created = await owner.createTrack('owners-track', "Owner's track");
    const stage = await owner.addStage(created.id, 'First');
    expect(stage.position).toBe(1);
    await owner.expectStatus(200, owner.call('PATCH', `/admin/tracks/${created.id}`, { title: 'Renamed' }));
    await owner.expectStatus(204, owner.call('DELETE', `/admin/tracks/${created.id}`));
    await owner.expectStatus(404, owner.call('GET', `/admin/tracks/${created.id}`));
  });

  it('answers unknown ids 404 and malformed ones 400', async () => {
    const api = catalogApi(test, staff.admin);
    const unknown = randomUUID();
    for (const [method, url, payload] of [
      ['GET', `/admin/tracks/${unknown}`],
      ['PATCH', `/admin/tracks/${unknown}`, { title: 'x' }],
      ['DELETE', `/admin/tracks/${unknown}`],
      ['POST', `/admin/tracks/${unknown}/stages`, { title: 'x' }],
      ['PATCH', `/admin/stages/${unknown}`, { title: 'x' }],
      ['DELETE', `/admin/modules/${unknown}`],
      ['GET', `/admin/tracks/${unknown}/settings-versions`],
      ['GET', `/admin/tracks/${trackId}/settings-versions/99`],
      ['POST', `/admin/tracks/${trackId}/settings-versions/99/activate`],
    ] as const) {
      const response = await api.call(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code, `${method} ${url}`).toMatch(/^(track|stage|module|settings_version)_not_found$/);
    }
    const malformed = await api.call('GET', '/admin/tracks/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: '/params/id' }] });
  });
});
