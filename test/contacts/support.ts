import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';

export type ContactBody = { name?: unknown; email?: unknown; message?: unknown; website?: unknown };

export const VALID = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  message: 'Hello! I would like to know more about the backend track.',
} as const;

/** POST /api/v1/contacts from a given client address. */
export function submit(test: TestApp, body: ContactBody, ip = '198.51.100.1'): Promise<LightMyRequestResponse> {
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    remoteAddress: ip,
    headers: { 'accept-language': 'en' },
    payload: body,
  });
}

export async function submitOk(test: TestApp, body: ContactBody = VALID, ip?: string) {
  const response = await submit(test, body, ip);
  expect(response.statusCode, response.body).toBe(202);
  return response;
}

export async function storedRequests(test: TestApp) {
  return test.container.db.selectFrom('contactRequests').selectAll().orderBy('createdAt').orderBy('id').execute();
}

export async function contactEvents(test: TestApp) {
  return test.container.db
    .selectFrom('outbox')
    .select(['id', 'payload', 'deliveredAt'])
    .where('type', '=', 'contact.received')
    .orderBy('id')
    .execute();
}

/** Empties the table (and its events) between tests that count rows. */
export async function clearRequests(test: TestApp) {
  await test.container.db.deleteFrom('contactRequests').execute();
  await test.container.db.deleteFrom('outbox').where('type', '=', 'contact.received').execute();
}
