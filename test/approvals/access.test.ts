import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

describe('approvals: who may do what', () => {
  let test: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
  });
  afterAll(async () => test?.close());

  const adminCalls = (id: string) =>
    [
      ['GET', '/api/v1/admin/approvals', undefined],
      ['GET', `/api/v1/admin/approvals/${id}`, undefined],
      ['POST', `/api/v1/admin/approvals/${id}/approve`, {}],
      ['POST', `/api/v1/admin/approvals/${id}/reject`, { comment: 'No.' }],
    ] as const;

  it('refuses moderators and students on every admin endpoint (403) and guests (401)', async () => {
    for (const [method, url, payload] of adminCalls(randomUUID())) {
      for (const who of [staff.moderator, staff.student]) {
        const response = await test.app.inject({ method, url, headers: who.auth, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().code).toBe('forbidden');
        expect(response.headers['cache-control']).toBe('no-store');
      }
      const guest = await test.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(guest.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers admins with 404 for an unknown request and an empty queue', async () => {
    const list = await test.app.inject({ url: '/api/v1/admin/approvals?status=pending', headers: staff.admin.auth });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toEqual({ items: [], total: 0, totalIsCapped: false });
    for (const [method, url, payload] of adminCalls(randomUUID()).slice(1)) {
      const response = await test.app.inject({ method, url, headers: staff.owner.auth, payload });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('request_not_found');
    }
  });

  it('takes an approval without any body (the comment is optional)', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/approvals/${randomUUID()}/approve`,
      headers: staff.admin.auth,
    });
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toBe('request_not_found');
  });

  it('rejects bad filters with a 400 problem', async () => {
    for (const query of ['status=maybe', 'trackId=nope', 'limit=0', 'limit=101', 'offset=-1']) {
      const response = await test.app.inject({ url: `/api/v1/admin/approvals?${query}`, headers: staff.admin.auth });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('lists a student’s own requests (none yet) and answers 404 for any other id', async () => {
    const mine = await test.app.inject({ url: '/api/v1/me/approvals', headers: staff.student.auth });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual({ items: [], total: 0 });
    const other = await test.app.inject({ url: `/api/v1/me/approvals/${randomUUID()}`, headers: staff.student.auth });
    expect(other.statusCode).toBe(404);
  });

  it('a reject without a comment is a 422 naming the field, in the admin’s language', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/approvals/${randomUUID()}/reject`,
      headers: staff.admin.auth,
      payload: { comment: '   ' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'comment_required',
      errors: [{ path: '/comment', message: 'Напишите комментарий для ученика.' }],
    });
  });

  it('lists its endpoints in the OpenAPI document', async () => {
    const response = await test.app.inject({ url: '/api/v1/openapi.json' });
    const paths = Object.keys(response.json().paths as Record<string, unknown>);
    for (const path of [
      '/api/v1/me/approvals',
      '/api/v1/admin/approvals',
      '/api/v1/admin/approvals/{id}',
      '/api/v1/admin/approvals/{id}/approve',
      '/api/v1/admin/approvals/{id}/reject',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});
