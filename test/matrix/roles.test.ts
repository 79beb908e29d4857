import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

let test: TestApp;
let staff: Staff;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  const doc = (await test.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, object> }>();
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/admin/matrix'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(() => test.close());

const SOME_ID = '01890000-0000-7000-8000-000000000000';

/**
 * Every staff operation the OpenAPI document lists, called with an unknown id and, where there is
 * a body, an empty object: the body schema is checked before the handler (as in every module), so
 * a write with an invalid body may be a 400 instead — never a success.
 */
async function statuses(headers: Record<string, string>) {
  const result: Record<string, number> = {};
  for (const { method, path } of operations) {
    const response = await test.app.inject({
      method: method as 'GET',
      url: path.replace(/\{id\}/g, SOME_ID),
      headers: method === 'GET' || method === 'DELETE' ? headers : { ...headers, 'content-type': 'application/json' },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
    });
    result[`${method} ${path}`] = response.statusCode;
  }
  return result;
}

/** Reads and deletes carry no body: exactly the refusal. Writes: the refusal, or 400 for the empty body. */
function refused(operation: string, status: number, refusal: number): boolean {
  return /^(GET|DELETE) /.test(operation) ? status === refusal : status === refusal || status === 400;
}

describe('who may manage the matrix, endpoint by endpoint', () => {
  it('lists at least the CRUD, reorder, import and export operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(18);
  });

  it('a guest gets 401 from every staff endpoint', async () => {
    const result = await statuses({});
    expect(Object.entries(result).filter(([operation, status]) => !refused(operation, status, 401))).toEqual([]);
  });

  it('a student gets 403 from every staff endpoint, whatever the body', async () => {
    const result = await statuses(staff.student.auth);
    expect(Object.entries(result).filter(([operation, status]) => !refused(operation, status, 403))).toEqual([]);
  });

  it('a moderator is let through every staff endpoint (unknown ids are 404, empty bodies 400/422)', async () => {
    const result = await statuses(staff.moderator.auth);
    expect(Object.entries(result).filter(([, status]) => [401, 403].includes(status) || status >= 500)).toEqual([]);
  });
});
