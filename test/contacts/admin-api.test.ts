import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { submitOk } from './support.ts';

const clock = createTestClock();
let test: TestApp;
let staff: Staff;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestApp({ clock, env: { RATE_LIMIT_MAX: '5000' } });
  staff = await staffUsers(test);
  const people = [
    ['ada', 'Ada Lovelace', 'ada@example.com'],
    ['grace', 'Grace Hopper', 'grace@navy.example'],
    ['percent', '100% Real', 'real@example.com'],
    ['alan', 'Alan Turing', 'alan@bletchley.example'],
  ] as const;
  for (const [key, name, email] of people) {
    clock.advance(MINUTE);
    await submitOk(
      test,
      { name, email, message: `A question from ${name}.` },
      `192.0.2.${Object.keys(ids).length + 1}`,
    );
    const row = await test.container.db
      .selectFrom('contactRequests')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
});
afterAll(async () => test?.close());

const call = (method: 'GET' | 'PATCH', url: string, user?: LoggedIn, payload?: unknown) =>
  test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(user?.auth ?? {}), 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

describe('admin contact endpoints: who may use them', () => {
  const endpoints = (): ['GET' | 'PATCH', string, unknown?][] => [
    ['GET', '/admin/contacts'],
    ['GET', `/admin/contacts/${ids.ada}`],
    ['PATCH', `/admin/contacts/${ids.ada}`, { status: 'handled' }],
  ];

  it('answers a guest 401', async () => {
    for (const [method, url, payload] of endpoints()) {
      const response = await call(method, url, undefined, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('answers students and moderators 403 contacts.forbidden, changing nothing', async () => {
    for (const user of [staff.student, staff.moderator]) {
      for (const [method, url, payload] of endpoints()) {
        const response = await call(method, url, user, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json()).toMatchObject({
          code: 'forbidden',
          // Their saved language (Russian, the default at sign-up) wins over Accept-Language.
          detail: 'Обращения читают и обрабатывают администраторы и владелец.',
        });
      }
    }
    const row = await test.container.db
      .selectFrom('contactRequests')
      .select('status')
      .where('id', '=', ids.ada!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('new');
  });

  it('lets admins and the owner in, and no cache keeps the answers', async () => {
    for (const user of [staff.admin, staff.owner]) {
      const response = await call('GET', '/admin/contacts', user);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const one = await call('GET', `/admin/contacts/${ids.grace}`, user);
      expect(one.statusCode).toBe(200);
      expect(one.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('admin contact endpoints: list, read, handle', () => {
  it('lists newest first with the total, and pages', async () => {
    const response = await call('GET', '/admin/contacts', staff.admin);
    const body = response.json();
    expect(body.total).toBe(4);
    expect(body.items.map((item: { name: string }) => item.name)).toEqual([
      'Alan Turing',
      '100% Real',
      'Grace Hopper',
      'Ada Lovelace',
    ]);
    expect(body.items[3]).toEqual({
      id: ids.ada,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      message: 'A question from Ada Lovelace.',
      locale: 'en',
      status: 'new',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      handledAt: null,
      handledBy: null,
    });
    expect(body.items[0]).not.toHaveProperty('clientHash');
    const second = await call('GET', '/admin/contacts?limit=2&offset=2', staff.admin);
    expect(second.json()).toMatchObject({ total: 4, items: [{ name: 'Grace Hopper' }, { name: 'Ada Lovelace' }] });
  });

  it('searches the name and the address, case-insensitively and literally', async () => {
    const names = async (query: string) =>
      (await call('GET', `/admin/contacts?${query}`, staff.admin))
        .json()
        .items.map((item: { name: string }) => item.name);
    expect(await names('q=GRACE')).toEqual(['Grace Hopper']);
    expect(await names('q=bletchley')).toEqual(['Alan Turing']);
    expect(await names(`q=${encodeURIComponent('100%')}`)).toEqual(['100% Real']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual(['100% Real']);
    expect(await names('q=_')).toEqual([]);
    expect(await names('q=nobody')).toEqual([]);
  });

  it('refuses bad queries with 400, never 500', async () => {
    for (const query of ['status=closed', 'limit=0', 'limit=101', 'offset=-1', 'q=%00', `q=${'x'.repeat(300)}`]) {
      const response = await call('GET', `/admin/contacts?${query}`, staff.admin);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('answers 404 for an unknown request and 400 for a malformed id', async () => {
    expect((await call('GET', `/admin/contacts/${randomUUID()}`, staff.admin)).json()).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'Такого обращения нет.',
    });
    expect(
      (await call('PATCH', `/admin/contacts/${randomUUID()}`, staff.admin, { status: 'handled' })).statusCode,
    ).toBe(404);
    expect((await call('GET', '/admin/contacts/not-a-uuid', staff.admin)).statusCode).toBe(400);
    expect((await call('PATCH', `/admin/contacts/${ids.ada}`, staff.admin, { status: 'closed' })).statusCode).toBe(400);
  });

  it('marks a request handled (who and when), keeps the first handler on a repeat, and reopens it', async () => {
    clock.advance(MINUTE);
    const handledAt = clock.now().toISOString();
    const handled = await call('PATCH', `/admin/contacts/${ids.grace}`, staff.admin, { status: 'handled' });
    expect(handled.statusCode).toBe(200);
    expect(handled.headers['cache-control']).toBe('no-store');
    expect(handled.json()).toMatchObject({
      id: ids.grace,
      status: 'handled',
      handledAt,
      handledBy: { id: staff.admin.userId, displayName: 'Test User' },
    });

    clock.advance(MINUTE);
    const again = await call('PATCH', `/admin/contacts/${ids.grace}`, staff.owner, { status: 'handled' });
    expect(again.json()).toMatchObject({ handledAt, handledBy: { id: staff.admin.userId } });

    const byStatus = await call('GET', '/admin/contacts?status=handled', staff.owner);
    expect(byStatus.json()).toMatchObject({ total: 1, items: [{ id: ids.grace }] });
    expect((await call('GET', '/admin/contacts?status=new', staff.owner)).json().total).toBe(3);

    const reopened = await call('PATCH', `/admin/contacts/${ids.grace}`, staff.owner, { status: 'new' });
    expect(reopened.json()).toMatchObject({ status: 'new', handledAt: null, handledBy: null });
  });

  it('keeps a handled request handled when its handler is deleted', async () => {
    await call('PATCH', `/admin/contacts/${ids.alan}`, staff.admin, { status: 'handled' });
    const other = randomUUID();
    await test.container.db
      .insertInto('users')
      .values({
        id: other,
        email: 'gone@school.test',
        passwordHash: 'x',
        displayName: 'Gone',
        locale: 'en',
        role: 'admin',
        status: 'active',
        emailVerifiedAt: new Date(),
        passwordChangedAt: new Date(),
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    await test.container.db
      .updateTable('contactRequests')
      .set({ handledBy: other })
      .where('id', '=', ids.alan!)
      .execute();
    await test.container.db.deleteFrom('users').where('id', '=', other).execute();
    const response = await call('GET', `/admin/contacts/${ids.alan}`, staff.admin);
    expect(response.json()).toMatchObject({ status: 'handled', handledBy: null, handledAt: expect.any(String) });
  });

  it('documents the endpoints and their success responses in OpenAPI', async () => {
    const document = (await test.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(document.paths['/api/v1/contacts'].post.responses['202']).toBeDefined();
    expect(document.paths['/api/v1/admin/contacts'].get.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/admin/contacts/{id}'].get.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/admin/contacts/{id}'].patch.responses['200']).toBeDefined();
  });
});
