import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { createOwner, type LoggedIn, login, registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

const clock = createTestClock();
let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ clock });
});
afterAll(async () => test?.close());

type Device = { userAgent: string; ip: string };
const LAPTOP: Device = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', ip: '198.51.100.10' };
const PHONE: Device = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile Safari', ip: '203.0.113.20' };

function loginFrom(email: string, device: Device): Promise<LoggedIn> {
  return login(test.app, email, STRONG_PASSWORD, device);
}

const sessionsOf = async (session: LoggedIn) => {
  const response = await test.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: session.auth });
  expect(response.statusCode).toBe(200);
  return response.json<{
    items: {
      id: string;
      current: boolean;
      ip: string;
      userAgent: string;
      lastUsedAt: string;
      createdAt: string;
      expiresAt: string;
    }[];
    total: number;
  }>();
};
const revoke = (session: LoggedIn, id: string) =>
  test.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${id}`, headers: session.auth });
const me = (session: LoggedIn) => test.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
const refresh = (session: LoggedIn) =>
  test.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: session.refreshToken } });

describe('GET /me/sessions', () => {
  it('lists my live sessions with device, address and last use, marking the current one', async () => {
    await registeredUser(test, 'devices@school.test');
    await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: (await loginFrom('devices@school.test', LAPTOP)).auth,
    });
    const laptop = await loginFrom('devices@school.test', LAPTOP);
    clock.advance(MINUTE);
    const phone = await loginFrom('devices@school.test', PHONE);

    const fromLaptop = await sessionsOf(laptop);
    // registeredUser's own session, the laptop and the phone; not the one logged out.
    expect(fromLaptop.total).toBe(3);
    expect(fromLaptop.items).toHaveLength(3);
    const laptopRow = fromLaptop.items.find((session) => session.current)!;
    expect(laptopRow).toMatchObject({ ip: LAPTOP.ip, userAgent: LAPTOP.userAgent });
    expect(fromLaptop.items.filter((session) => session.current)).toHaveLength(1);
    const phoneRow = fromLaptop.items.find((session) => session.userAgent === PHONE.userAgent)!;
    expect(phoneRow).toMatchObject({ current: false, ip: PHONE.ip });
    expect(Date.parse(phoneRow.lastUsedAt)).toBe(clock.now().getTime());
    expect(Date.parse(laptopRow.lastUsedAt)).toBe(clock.now().getTime() - MINUTE);
    expect(Date.parse(laptopRow.expiresAt)).toBeGreaterThan(clock.now().getTime());

    const fromPhone = await sessionsOf(phone);
    expect(fromPhone.items.find((session) => session.current)?.id).toBe(phoneRow.id);

    // A refresh is a use: it moves lastUsedAt.
    clock.advance(5 * MINUTE);
    expect((await refresh(laptop)).statusCode).toBe(200);
    const afterRefresh = await sessionsOf(phone);
    expect(Date.parse(afterRefresh.items.find((session) => session.id === laptopRow.id)!.lastUsedAt)).toBe(
      clock.now().getTime(),
    );
    expect(afterRefresh.items[0]?.id).toBe(laptopRow.id); // most recently used first
  });

  it('shows nothing of other users', async () => {
    const mine = await registeredUser(test, 'private@school.test');
    const list = await sessionsOf(mine);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ current: true });
  });

  it('needs a signed-in user', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me/sessions' })).statusCode).toBe(401);
  });
});

describe('DELETE /me/sessions/{id}', () => {
  it("answers 404 for another user's session and leaves it alive", async () => {
    const victim = await registeredUser(test, 'victim@school.test');
    const attacker = await registeredUser(test, 'attacker@school.test');
    const victimSessionId = (await sessionsOf(victim)).items[0]!.id;
    const response = await revoke(attacker, victimSessionId);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'session_not_found' });
    expect((await me(victim)).statusCode).toBe(200);
    // Indistinguishable from an id nobody has.
    const unknown = await revoke(attacker, randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe(response.json().code);
    expect((await revoke(attacker, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('ends my other session at once: its access token is 401 and its refresh token too', async () => {
    await registeredUser(test, 'revoker@school.test');
    const laptop = await loginFrom('revoker@school.test', LAPTOP);
    const phone = await loginFrom('revoker@school.test', PHONE);
    const phoneId = (await sessionsOf(laptop)).items.find((session) => session.userAgent === PHONE.userAgent)!.id;
    expect((await me(phone)).statusCode).toBe(200);

    const revoked = await revoke(laptop, phoneId);
    expect(revoked.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await refresh(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
    expect((await sessionsOf(laptop)).items.map((session) => session.id)).not.toContain(phoneId);
    // Gone already: a second revocation is 404.
    expect((await revoke(laptop, phoneId)).statusCode).toBe(404);
  });

  it('may end the current session too', async () => {
    const session = await registeredUser(test, 'self-revoker@school.test');
    const id = (await sessionsOf(session)).items[0]!.id;
    expect((await revoke(session, id)).statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
  });
});

describe('blocking a user', () => {
  it('ends all their sessions at once, and unblocking does not revive them', async () => {
    const owner = await createOwner(test);
    const first = await registeredUser(test, 'blocked@school.test');
    const second = await loginFrom('blocked@school.test', PHONE);
    const blocked = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${first.userId}`,
      headers: owner.auth,
      payload: { status: 'blocked' },
    });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({ status: 'blocked' });
    for (const session of [first, second]) {
      expect((await me(session)).statusCode).toBe(401);
      expect((await refresh(session)).statusCode).toBe(401);
    }
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'blocked@school.test', password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ code: 'account_blocked' });

    const unblocked = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${first.userId}`,
      headers: owner.auth,
      payload: { status: 'active' },
    });
    expect(unblocked.json()).toMatchObject({ status: 'active' });
    expect((await me(first)).statusCode).toBe(401);
    expect((await refresh(second)).statusCode).toBe(401);
    expect((await loginFrom('blocked@school.test', LAPTOP)).userId).toBe(first.userId);
  });
});
