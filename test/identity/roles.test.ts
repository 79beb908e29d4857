import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOwner, deliverMail, type LoggedIn, login, register, registeredUser } from '../support/identity.ts';

let test: TestApp;
const staff = {} as Record<'owner' | 'admin' | 'admin2' | 'moderator' | 'student', LoggedIn>;

const patchUser = (actor: LoggedIn | undefined, id: string, payload: unknown) =>
  test.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${id}`,
    headers: actor ? actor.auth : {},
    payload: payload as Record<string, unknown>,
  });

async function grant(actor: LoggedIn, target: LoggedIn, role: string) {
  const response = await patchUser(actor, target.userId, { role });
  expect(response.statusCode, response.body).toBe(200);
}

async function profileOf(id: string) {
  const row = await test.container.db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'status', 'displayName', 'locale', 'emailVerifiedAt', 'totpEnabledAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '10000' } });
  staff.owner = await createOwner(test);
  staff.admin = await registeredUser(test, 'admin@school.test');
  staff.admin2 = await registeredUser(test, 'admin2@school.test');
  staff.moderator = await registeredUser(test, 'moderator@school.test');
  staff.student = await registeredUser(test, 'student@school.test');
  await grant(staff.owner, staff.admin, 'admin');
  await grant(staff.owner, staff.admin2, 'admin');
  await grant(staff.admin, staff.moderator, 'moderator');
});
afterAll(async () => test?.close());

const ACTORS = ['guest', 'student', 'moderator', 'admin', 'owner'] as const;
const EXPECTED: Record<(typeof ACTORS)[number], number> = {
  guest: 401,
  student: 403,
  moderator: 403,
  admin: 200,
  owner: 200,
};
const actor = (name: (typeof ACTORS)[number]) => (name === 'guest' ? undefined : staff[name]);

describe('who reaches the admin routes', () => {
  for (const name of ACTORS) {
    it(`${name}: GET /admin/users → ${EXPECTED[name]}`, async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/admin/users',
        headers: actor(name)?.auth ?? {},
      });
      expect(response.statusCode, response.body).toBe(EXPECTED[name]);
      if (EXPECTED[name] === 200) expect(response.json().total).toBeGreaterThanOrEqual(5);
      else expect(response.json()).toMatchObject({ code: name === 'guest' ? 'unauthenticated' : 'forbidden' });
    });

    it(`${name}: GET /admin/audit-events → ${EXPECTED[name]}`, async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/admin/audit-events',
        headers: actor(name)?.auth ?? {},
      });
      expect(response.statusCode, response.body).toBe(EXPECTED[name]);
      if (EXPECTED[name] === 200) expect(response.json().items.length).toBeGreaterThan(0);
      else expect(response.json()).not.toHaveProperty('items');
    });

    it(`${name}: PATCH /admin/users/{id} → ${EXPECTED[name]}`, async () => {
      const target = await registeredUser(test, `target-${name}@school.test`);
      const response = await patchUser(actor(name), target.userId, { role: 'moderator' });
      expect(response.statusCode, response.body).toBe(EXPECTED[name]);
      const after = await profileOf(target.userId);
      if (EXPECTED[name] === 200) {
        expect(response.json()).toMatchObject({ id: target.userId, role: 'moderator' });
        expect(after.role).toBe('moderator');
      } else {
        expect(after.role).toBe('student');
        const blocked = await patchUser(actor(name), target.userId, { status: 'blocked' });
        expect(blocked.statusCode).toBe(EXPECTED[name]);
        expect((await profileOf(target.userId)).status).toBe('active');
      }
    });
  }
});

describe('the role rules', () => {
  it('only the owner grants and revokes admin', async () => {
    const candidate = await registeredUser(test, 'candidate@school.test');
    const byAdmin = await patchUser(staff.admin, candidate.userId, { role: 'admin' });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json()).toMatchObject({ code: 'owner_only' });
    expect((await patchUser(staff.moderator, candidate.userId, { role: 'admin' })).statusCode).toBe(403);
    expect((await profileOf(candidate.userId)).role).toBe('student');

    const revokeByAdmin = await patchUser(staff.admin, staff.admin2.userId, { role: 'student' });
    expect(revokeByAdmin.statusCode).toBe(403);
    expect(revokeByAdmin.json()).toMatchObject({ code: 'owner_only' });
    const demoteByAdmin = await patchUser(staff.admin, staff.admin2.userId, { role: 'moderator' });
    expect(demoteByAdmin.json()).toMatchObject({ code: 'owner_only' });
    expect((await profileOf(staff.admin2.userId)).role).toBe('admin');

    expect((await patchUser(staff.owner, candidate.userId, { role: 'admin' })).json()).toMatchObject({ role: 'admin' });
    // The new admin's existing session has admin rights at once…
    const asAdmin = await test.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: candidate.auth });
    expect(asAdmin.statusCode).toBe(200);
    // …and loses them at once when the owner revokes the role.
    expect((await patchUser(staff.owner, candidate.userId, { role: 'student' })).json()).toMatchObject({
      role: 'student',
    });
    const revoked = await test.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: candidate.auth });
    expect(revoked.statusCode).toBe(403);
  });

  it('admins grant and revoke moderator; moderators grant nothing', async () => {
    const helper = await registeredUser(test, 'helper@school.test');
    expect((await patchUser(staff.admin, helper.userId, { role: 'moderator' })).json()).toMatchObject({
      role: 'moderator',
    });
    const byModerator = await patchUser(staff.moderator, helper.userId, { role: 'student' });
    expect(byModerator.statusCode).toBe(403);
    expect((await patchUser(staff.admin, helper.userId, { role: 'student' })).json()).toMatchObject({
      role: 'student',
    });
    expect((await patchUser(staff.owner, helper.userId, { role: 'moderator' })).json()).toMatchObject({
      role: 'moderator',
    });
  });

  it('nobody changes their own role or status', async () => {
    for (const [name, role] of [
      ['admin', 'student'],
      ['admin', 'moderator'],
      ['owner', 'admin'],
      ['owner', 'student'],
      ['moderator', 'admin'],
    ] as const) {
      const self = staff[name];
      const response = await patchUser(self, self.userId, { role });
      expect(response.statusCode, `${name} → ${role}`).toBe(403);
      if (name !== 'moderator') expect(response.json()).toMatchObject({ code: 'cannot_change_self' });
      expect((await profileOf(self.userId)).role).toBe(name);
    }
    for (const name of ['admin', 'owner'] as const) {
      const response = await patchUser(staff[name], staff[name].userId, { status: 'blocked' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'cannot_change_self' });
      expect((await profileOf(staff[name].userId)).status).toBe('active');
    }
  });

  it("nobody changes the owner's role or status", async () => {
    for (const payload of [{ role: 'admin' }, { role: 'student' }, { status: 'blocked' }]) {
      const response = await patchUser(staff.admin, staff.owner.userId, payload);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'cannot_change_owner' });
    }
    expect(await profileOf(staff.owner.userId)).toMatchObject({ role: 'owner', status: 'active' });
  });

  it("nobody grants 'owner'", async () => {
    for (const granter of [staff.owner, staff.admin]) {
      const response = await patchUser(granter, staff.student.userId, { role: 'owner' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'owner_not_assignable' });
    }
    const admin = await patchUser(staff.owner, staff.admin.userId, { role: 'owner' });
    expect(admin.json()).toMatchObject({ code: 'owner_not_assignable' });
    expect((await profileOf(staff.student.userId)).role).toBe('student');
    expect((await profileOf(staff.admin.userId)).role).toBe('admin');
    const owners = await test.container.db.selectFrom('users').select('id').where('role', '=', 'owner').execute();
    expect(owners).toEqual([{ id: staff.owner.userId }]);
  });

  it('admins cannot block (or unblock) admins; the owner can', async () => {
    const byAdmin = await patchUser(staff.admin, staff.admin2.userId, { status: 'blocked' });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json()).toMatchObject({ code: 'owner_only' });
    expect((await profileOf(staff.admin2.userId)).status).toBe('active');
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: staff.admin2.auth })).statusCode).toBe(
      200,
    );

    expect((await patchUser(staff.owner, staff.admin2.userId, { status: 'blocked' })).json()).toMatchObject({
      status: 'blocked',
    });
    expect((await patchUser(staff.admin, staff.admin2.userId, { status: 'active' })).json()).toMatchObject({
      code: 'owner_only',
    });
    expect((await patchUser(staff.owner, staff.admin2.userId, { status: 'active' })).json()).toMatchObject({
      status: 'active',
    });
    // Blocking ended admin2's sessions: sign in again for the tests below.
    staff.admin2 = await login(test.app, 'admin2@school.test');
  });

  it('admins block and unblock students and moderators', async () => {
    const pupil = await registeredUser(test, 'pupil@school.test');
    expect((await patchUser(staff.admin, pupil.userId, { status: 'blocked' })).json()).toMatchObject({
      status: 'blocked',
    });
    expect((await patchUser(staff.admin, pupil.userId, { status: 'active' })).json()).toMatchObject({
      status: 'active',
    });
    const helper = await registeredUser(test, 'helper2@school.test');
    await grant(staff.admin, helper, 'moderator');
    expect((await patchUser(staff.admin, helper.userId, { status: 'blocked' })).json()).toMatchObject({
      status: 'blocked',
    });
  });

  it('unblocking returns an unverified account to pending verification, not to active', async () => {
    await register(test.app, 'unverified-blocked@school.test');
    const [row] = await test.container.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'unverified-blocked@school.test')
      .execute();
    expect((await patchUser(staff.admin, row!.id, { status: 'blocked' })).json()).toMatchObject({ status: 'blocked' });
    expect((await patchUser(staff.admin, row!.id, { status: 'active' })).json()).toMatchObject({
      status: 'pending_verification',
      emailVerifiedAt: null,
    });
  });

  it('a refused request changes nothing, not even the part that alone would be allowed', async () => {
    const pupil = await registeredUser(test, 'pupil2@school.test');
    const response = await patchUser(staff.admin, staff.admin2.userId, { role: 'admin', status: 'blocked' });
    expect(response.statusCode).toBe(403);
    const mixed = await patchUser(staff.admin, pupil.userId, { role: 'moderator', status: 'blocked' });
    expect(mixed.statusCode).toBe(200);
    expect(mixed.json()).toMatchObject({ role: 'moderator', status: 'blocked' });
    const refused = await patchUser(staff.admin, pupil.userId, { role: 'admin', status: 'active' });
    expect(refused.statusCode).toBe(403);
    expect(await profileOf(pupil.userId)).toMatchObject({ role: 'moderator', status: 'blocked' });
  });

  it('an unknown user id is 404 for staff (and still 403 for everyone else)', async () => {
    const id = randomUUID();
    for (const granter of [staff.admin, staff.owner]) {
      const response = await patchUser(granter, id, { role: 'moderator' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'user_not_found' });
    }
    expect((await patchUser(staff.student, id, { role: 'moderator' })).statusCode).toBe(403);
    expect((await patchUser(staff.admin, 'not-a-uuid', { role: 'moderator' })).statusCode).toBe(400);
    expect((await patchUser(staff.admin, staff.student.userId, { role: 'superuser' })).statusCode).toBe(400);
    expect((await patchUser(staff.admin, staff.student.userId, { status: 'pending_verification' })).statusCode).toBe(
      400,
    );
  });
});

describe('GET /admin/users: search, filters and paging', () => {
  const list = async (query: string, as: LoggedIn = staff.admin) => {
    const response = await test.app.inject({ method: 'GET', url: `/api/v1/admin/users?${query}`, headers: as.auth });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      items: { id: string; email: string; role: string; status: string; displayName: string }[];
      total: number;
    }>();
  };

  beforeAll(async () => {
    for (let index = 1; index <= 5; index += 1) await registeredUser(test, `pager-${index}@school.test`);
    await register(test.app, 'pager-pending@school.test');
    await deliverMail(test);
    const named = await registeredUser(test, 'named@school.test');
    const renamed = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: named.auth,
      payload: { displayName: 'Зинаида Quokka' },
    });
    expect(renamed.statusCode).toBe(200);
  });

  it('searches email and display name, case-insensitively', async () => {
    const byEmail = await list('q=PAGER-3');
    expect(byEmail.items.map((user) => user.email)).toEqual(['pager-3@school.test']);
    expect(byEmail.total).toBe(1);
    const byName = await list(`q=${encodeURIComponent('quokka')}`);
    expect(byName.items.map((user) => user.email)).toEqual(['named@school.test']);
    const byCyrillic = await list(`q=${encodeURIComponent('зинаида')}`);
    expect(byCyrillic.total).toBe(1);
    expect((await list('q=%20%20pager-4%20')).total).toBe(1); // trimmed
  });

  it('treats LIKE wildcards in q literally', async () => {
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('pager_1')}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('\\')}`)).total).toBe(0);
  });

  it('filters by role and status', async () => {
    const admins = await list('role=admin');
    expect(admins.items.map((user) => user.email).sort()).toEqual(['admin2@school.test', 'admin@school.test']);
    expect((await list('role=owner')).items.map((user) => user.id)).toEqual([staff.owner.userId]);
    const pending = await list('status=pending_verification&q=pager');
    expect(pending.items.map((user) => user.email)).toEqual(['pager-pending@school.test']);
    const activePagers = await list('status=active&q=pager');
    expect(activePagers.total).toBe(5);
    expect(activePagers.items.every((user) => user.status === 'active')).toBe(true);
    const moderators = await list('role=moderator&status=active');
    expect(moderators.items.every((user) => user.role === 'moderator' && user.status === 'active')).toBe(true);
    const unknownRole = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?role=superuser',
      headers: staff.admin.auth,
    });
    expect(unknownRole.statusCode).toBe(400);
  });

  it('pages with limit and offset, reporting the total', async () => {
    const first = await list('q=pager-&status=active&limit=2&offset=0');
    const second = await list('q=pager-&status=active&limit=2&offset=2');
    const third = await list('q=pager-&status=active&limit=2&offset=4');
    const beyond = await list('q=pager-&status=active&limit=2&offset=6');
    expect([first.total, second.total, third.total, beyond.total]).toEqual([5, 5, 5, 5]);
    expect([first.items.length, second.items.length, third.items.length, beyond.items.length]).toEqual([2, 2, 1, 0]);
    const emails = [...first.items, ...second.items, ...third.items].map((user) => user.email);
    expect(new Set(emails).size).toBe(5);
    expect(emails.sort()).toEqual([1, 2, 3, 4, 5].map((index) => `pager-${index}@school.test`));

    const all = await list('limit=100');
    expect(all.items.length).toBe(all.total);
    const defaults = await list('');
    expect(defaults.items.length).toBe(Math.min(20, defaults.total));
    for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'limit=abc']) {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/admin/users?${bad}`,
        headers: staff.admin.auth,
      });
      expect(response.statusCode, bad).toBe(400);
    }
  });

  it('never shows password hashes or MFA secrets', async () => {
    const body = JSON.stringify(await list('limit=100'));
    expect(body).not.toMatch(/argon2|passwordHash|totp/i);
  });
});

describe('PATCH /me takes only displayName and locale', () => {
  it('ignores role, status, email and id sent by a student', async () => {
    const before = await profileOf(staff.student.userId);
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: staff.student.auth,
      payload: {
        displayName: 'Renamed Student',
        locale: 'en',
        role: 'admin',
        status: 'blocked',
        email: 'owner@school.test',
        id: staff.owner.userId,
        emailVerifiedAt: null,
        mfaEnabled: true,
        passwordHash: 'x',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: staff.student.userId,
      email: 'student@school.test',
      role: 'student',
      status: 'active',
      displayName: 'Renamed Student',
      locale: 'en',
      mfaEnabled: false,
    });
    expect(await profileOf(staff.student.userId)).toEqual({
      ...before,
      displayName: 'Renamed Student',
      locale: 'en',
    });
    expect(await profileOf(staff.owner.userId)).toMatchObject({ email: 'owner@school.test', role: 'owner' });
    const admin = await test.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: staff.student.auth });
    expect(admin.statusCode).toBe(403);
  });

  it('refuses an empty or blank display name and an unknown locale', async () => {
    for (const payload of [
      { displayName: '' },
      { displayName: '   ' },
      { locale: 'de' },
      { displayName: 'x'.repeat(101) },
    ]) {
      const response = await test.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: staff.student.auth,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await profileOf(staff.student.userId)).displayName).toBe('Renamed Student');
  });
});

describe('prototype pollution', () => {
  const rawPatch = (url: string, auth: LoggedIn, body: string) =>
    test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...auth.auth, 'content-type': 'application/json' },
      payload: body,
    });

  const PAYLOADS = [
    '{"displayName":"Proto One","__proto__":{"role":"admin","status":"blocked","polluted":"yes"}}',
    '{"displayName":"Proto Two","constructor":{"prototype":{"role":"admin","polluted":"yes"}}}',
    '{"displayName":{"__proto__":{"polluted":"yes"}}}',
    '{"locale":"en","__proto__":{"locale":"ru","polluted":"yes"},"constructor":{"prototype":{"isAdmin":true}}}',
    '[{"__proto__":{"polluted":"yes"}}]',
  ];

  afterAll(() => {
    // Should a payload get through, do not let it poison the rest of the run.
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).role;
    delete (Object.prototype as Record<string, unknown>).isAdmin;
  });

  it('PATCH /me: __proto__ and constructor.prototype change nothing and pollute nothing', async () => {
    const before = await profileOf(staff.student.userId);
    for (const body of PAYLOADS) {
      const response = await rawPatch('/api/v1/me', staff.student, body);
      expect([200, 400], `${body} → ${response.statusCode}`).toContain(response.statusCode);
      expect(({} as Record<string, unknown>).polluted, body).toBeUndefined();
      expect(({} as Record<string, unknown>).role, body).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin, body).toBeUndefined();
      const after = await profileOf(staff.student.userId);
      expect(after, body).toMatchObject({ role: 'student', status: 'active', email: before.email });
      expect(['Renamed Student', 'Proto One', 'Proto Two']).toContain(after.displayName);
    }
  });

  it('PATCH /admin/users/{id}: a role smuggled through __proto__ is not applied', async () => {
    const pupil = await registeredUser(test, 'smuggled@school.test');
    for (const body of [
      '{"__proto__":{"role":"admin"}}',
      '{"constructor":{"prototype":{"role":"admin"}}}',
      '{"status":"active","__proto__":{"status":"blocked","role":"owner"}}',
    ]) {
      const response = await rawPatch(`/api/v1/admin/users/${pupil.userId}`, staff.admin, body);
      expect([200, 400], `${body} → ${response.statusCode}`).toContain(response.statusCode);
      expect(await profileOf(pupil.userId)).toMatchObject({ role: 'student', status: 'active' });
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    }
  });

  it('query strings cannot pollute either', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?__proto__[polluted]=yes&constructor[prototype][polluted]=yes&role=student',
      headers: staff.admin.auth,
    });
    expect([200, 400]).toContain(response.statusCode);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
