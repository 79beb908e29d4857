import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase();

const row = (change: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  name: 'Ada',
  email: 'ada@example.com',
  message: 'Hello there, world.',
  locale: 'en' as const,
  clientHash: 'a'.repeat(64),
  createdAt: new Date(),
  ...change,
});

const insert = (change: Record<string, unknown>) => t.db.insertInto('contactRequests').values(row(change)).execute();

describe('contact_requests constraints', () => {
  it('accepts a valid row', async () => {
    await insert({});
  });

  it.each([
    ['contact_requests_name_length', { name: '' }],
    ['contact_requests_name_length', { name: ' Ada' }],
    ['contact_requests_name_length', { name: 'x'.repeat(101) }],
    ['contact_requests_email_format', { email: 'no-at-sign' }],
    ['contact_requests_email_format', { email: 'a@b' }],
    ['contact_requests_email_format', { email: `${'a'.repeat(250)}@b.co` }],
    ['contact_requests_message_length', { message: 'too short' }],
    ['contact_requests_message_length', { message: 'x'.repeat(5001) }],
    ['contact_requests_locale', { locale: 'de' }],
    ['contact_requests_status', { status: 'closed' }],
    ['contact_requests_client_hash_hex', { clientHash: '203.0.113.7' }],
    ['contact_requests_handled_consistent', { status: 'handled' }],
    ['contact_requests_handled_consistent', { status: 'new', handledAt: new Date() }],
  ])('refuses a row breaking %s: %j', async (constraint, change) => {
    // A bad status breaks the consistency check as well; either one names the problem.
    const expected =
      constraint === 'contact_requests_status' ? /^contact_requests_(status|handled_consistent)$/ : constraint;
    await expect(insert(change)).rejects.toMatchObject({ constraint: expect.stringMatching(expected) });
  });

  it('allows a handled row whose handler is gone (handled_by set to null by the deletion)', async () => {
    await insert({ status: 'handled', handledAt: new Date(), handledBy: null });
  });
});
