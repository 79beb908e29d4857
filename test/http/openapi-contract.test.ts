import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * The paths API.md promises (clients and external tests rely on them), as far as they are built:
 * every one must be in the OpenAPI document with its method.
 */
const CONTRACT = [
  'post /auth/register',
  'post /auth/verify-email',
  'post /auth/login',
  'post /auth/refresh',
  'post /auth/logout',
  'get /me',
  'patch /me',
  'post /me/password',
  'get /me/sessions',
  'delete /me/sessions/{id}',
  'post /me/mfa/totp',
  'get /admin/users',
  'patch /admin/users/{id}',
  'get /admin/audit-events',
  'get /tracks',
  'get /tracks/{slug}',
  'post /admin/tracks',
  'patch /admin/tracks/{id}',
  'post /admin/tracks/{id}/stages',
  'patch /admin/stages/{id}',
  'delete /admin/stages/{id}',
  'post /admin/tracks/{id}/modules',
  'patch /admin/modules/{id}',
  'delete /admin/modules/{id}',
  'get /admin/tracks/{id}/settings-versions',
  'post /admin/tracks/{id}/settings-versions',
  'post /admin/tracks/{id}/settings-versions/{version}/activate',
  'get /admin/questions',
  'post /admin/questions',
  'patch /admin/questions/{id}',
  'post /admin/questions/{id}/retire',
  'post /admin/questions/import',
  'get /admin/questions/export',
  'get /admin/questions/stats',
  'put /me/avatar',
  'get /articles',
  'get /articles/{slug}',
  'get /tags',
  'post /admin/articles',
  'patch /admin/articles/{id}',
  'delete /admin/articles/{id}',
  'put /admin/articles/{id}/minitest',
  'get /matrix/sheets',
  'get /matrix/items',
  'get /matrix/items/{id}',
  'post /contacts',
  'get /admin/contacts',
  'patch /admin/contacts/{id}',
  'post /files',
  'get /files/{id}',
  'post /tracks/{slug}/enrollment',
  'get /me/enrollments',
  'get /me/tracks/{slug}/progress',
  'post /me/tracks/{slug}/diagnostic',
  'post /me/articles/{id}/open',
  'post /me/articles/{id}/minitest',
  'post /me/tracks/{slug}/stages/{position}/level-exam',
  'post /me/tracks/{slug}/rank-final',
  'get /attempts/{id}',
  'put /attempts/{id}/answers/{questionId}',
  'post /attempts/{id}/finish',
  'get /me/approvals',
  'get /certificates/{code}',
  'get /admin/approvals',
  'get /admin/approvals/{id}',
  'post /admin/attempts/{id}/annul',
  'patch /admin/enrollments/{id}',
  'post /admin/approvals/{id}/approve',
  'post /admin/approvals/{id}/reject',
  'get /admin/tracks/{id}/analytics',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every path of the API.md contract', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const described = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path.replace(/^\/api\/v1/, '')}`),
    );
    expect(CONTRACT.filter((operation) => !described.includes(operation))).toEqual([]);
  });

  it('documents the success response of every admin operation', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    const undocumented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/'))
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => !Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status)))
          .map(([method]) => `${method} ${path}`),
      );
    expect(undocumented).toEqual([]);
  });
});
