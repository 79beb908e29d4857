import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { createOwner, type LoggedIn, login, registeredUser, STRONG_PASSWORD } from './identity.ts';

export type Staff = { owner: LoggedIn; admin: LoggedIn; moderator: LoggedIn; student: LoggedIn };

/**
 * One user of every role, made through the real API: the owner grants admin, the admin grants
 * moderator (call once per test app: the owner is unique).
 */
export async function staffUsers(test: TestApp): Promise<Staff> {
  const owner = await createOwner(test);
  const admin = await registeredUser(test, 'admin@school.test');
  await grant(test, owner, admin.userId, 'admin');
  const moderator = await registeredUser(test, 'moderator@school.test');
  await grant(test, owner, moderator.userId, 'moderator');
  const student = await registeredUser(test, 'student@school.test');
  return {
    owner,
    // Tokens carry no role: the same session now acts with the new one, but log in again anyway.
    admin: await login(test.app, 'admin@school.test', STRONG_PASSWORD),
    moderator: await login(test.app, 'moderator@school.test', STRONG_PASSWORD),
    student,
  };
}

async function grant(test: TestApp, owner: LoggedIn, userId: string, role: 'admin' | 'moderator') {
  const response = await test.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${userId}`,
    headers: owner.auth,
    payload: { role },
  });
  expect(response.statusCode, response.body).toBe(200);
}
