import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, HOUR, MINUTE } from '../support/clock.ts';
import { clearRequests, contactEvents, storedRequests, submit, submitOk, VALID } from './support.ts';

const clock = createTestClock();
let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ clock, env: { RATE_LIMIT_MAX: '5000' } });
});
afterAll(async () => test?.close());
beforeEach(async () => {
  await clearRequests(test);
  clock.advance(2 * 24 * HOUR); // every test starts with empty rate windows
});

const errorsOf = (body: string) =>
  Object.fromEntries(
    JSON.parse(body).errors.map((error: { path: string; message: string }) => [error.path, error.message]),
  );

describe('POST /api/v1/contacts: validation', () => {
  it('reports every failing field at once (422) and stores nothing', async () => {
    const response = await submit(test, { name: '   ', email: 'not-an-address', message: 'short' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 422,
      code: 'invalid_input',
      detail: 'Correct the fields with errors (3).',
    });
    expect(errorsOf(response.body)).toEqual({
      '/name': 'This field is required.',
      '/email': 'Enter an email address, e.g. “name@example.com”.',
      '/message': 'At least 10 characters (now 5).',
    });
    expect(await storedRequests(test)).toEqual([]);
    expect(await contactEvents(test)).toEqual([]);
  });

  it.each([
    ['name', { name: 'x'.repeat(101) }, 'At most 100 characters.'],
    ['name', { name: 'Eve\u202Egnp.exe' }, /Printable characters only/],
    ['name', { name: 'Eve\nBob' }, /Printable characters only/],
    ['name', { name: 'Zero\u200Bwidth' }, /Printable characters only/],
    ['email', { email: '' }, 'This field is required.'],
    ['email', { email: 'ada@example' }, /Enter an email address/],
    ['email', { email: 'ada @example.com' }, /Enter an email address/],
    ['email', { email: 'a<b>@example.com' }, /Enter an email address/],
    ['email', { email: `${'a'.repeat(250)}@example.com` }, 'At most 254 characters.'],
    ['message', { message: '' }, 'This field is required.'],
    ['message', { message: '         ' }, 'This field is required.'],
    ['message', { message: 'y'.repeat(5001) }, 'At most 5000 characters.'],
    ['message', { message: 'Hello there\u0007 bell' }, /Printable characters only/],
    ['message', { message: 'Hello there \u202Eevil' }, /Printable characters only/],
  ])('refuses a bad %s: %j', async (field, change, message) => {
    const response = await submit(test, { ...VALID, ...change });
    expect(response.statusCode, response.body).toBe(422);
    const errors = errorsOf(response.body);
    expect(Object.keys(errors)).toEqual([`/${field}`]);
    expect(errors[`/${field}`]).toMatch(message);
    expect(await storedRequests(test)).toEqual([]);
  });

  it('answers 400 with the field for a missing or mistyped field, and never 500 for NUL', async () => {
    const missing = await submit(test, { name: 'Ada', email: 'ada@example.com' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: '/message' })]);
    const mistyped = await submit(test, { ...VALID, message: { text: 'hi' } });
    expect(mistyped.statusCode).toBe(400);
    const nul = await submit(test, { ...VALID, name: 'Ada\u0000', message: 'Hello\u0000 world, how are you?' });
    expect(nul.statusCode).toBe(422);
    expect(Object.keys(errorsOf(nul.body))).toEqual(['/name', '/message']);
    const notJson = await test.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('stores a valid request normalized (NFKC, trimmed, lowercased address, \\n line breaks) with its event', async () => {
    const response = await submitOk(test, {
      name: '  Ａｄａ Lovelace ',
      email: ' Ada@Example.COM ',
      message: '  Line one\r\nLine two\twith a tab\r\n\r\nBye 👨‍👩‍👧  ',
    });
    expect(response.json()).toEqual({ received: true });
    const [row] = await storedRequests(test);
    expect(row).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      message: 'Line one\nLine two\twith a tab\n\nBye 👨‍👩‍👧',
      locale: 'en',
      status: 'new',
      handledBy: null,
      handledAt: null,
    });
    expect(row!.createdAt.getTime()).toBe(clock.now().getTime());
    const events = await contactEvents(test);
    expect(events.map((event) => event.payload)).toEqual([{ requestId: row!.id }]);
  });

  it('keeps the locale of the request (Russian by Accept-Language)', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
      payload: VALID,
    });
    expect(response.statusCode).toBe(202);
    expect((await storedRequests(test))[0]!.locale).toBe('ru');
  });

  it('accepts 100-character names and 5000-character messages (code points, not UTF-16 units)', async () => {
    await submitOk(test, { ...VALID, name: '😀'.repeat(100), message: 'ё'.repeat(4999) + '😀' });
    expect((await storedRequests(test))[0]!.name).toBe('😀'.repeat(100));
  });
});

describe('POST /api/v1/contacts: honeypot', () => {
  it('answers a filled honeypot exactly like a success, but stores and sends nothing', async () => {
    const real = await submit(test, VALID);
    await clearRequests(test);
    const bot = await submit(test, { ...VALID, website: 'http://spam.example' });
    expect(bot.statusCode).toBe(real.statusCode);
    expect(bot.body).toBe(real.body);
    expect(bot.headers['content-type']).toBe(real.headers['content-type']);
    expect(await storedRequests(test)).toEqual([]);
    expect(await contactEvents(test)).toEqual([]);
  });

  it('treats an empty or blank honeypot as a person', async () => {
    await submitOk(test, { ...VALID, website: '' });
    await submitOk(test, { ...VALID, website: '  ' }, '198.51.100.2');
    expect(await storedRequests(test)).toHaveLength(2);
  });
});

describe('POST /api/v1/contacts: rate limit and the client address', () => {
  it('stores no IP address in clear: only a keyed hash, the same for the same client', async () => {
    const ip = '203.0.113.77';
    await submitOk(test, VALID, ip);
    clock.advance(1000);
    await submitOk(test, VALID, ip);
    clock.advance(1000);
    await submitOk(test, VALID, '2001:db8::77');
    const rows = await sql<{ row: string }>`SELECT to_jsonb(c)::text AS row FROM contact_requests c`.execute(
      test.container.db,
    );
    expect(rows.rows).toHaveLength(3);
    for (const { row } of rows.rows) {
      expect(row).not.toContain('203.0.113.77');
      expect(row).not.toContain('2001:db8');
      expect(row).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    }
    const hashes = (await storedRequests(test)).map((row) => row.clientHash);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
    // Not a plain (unkeyed) hash of the address either.
    const { createHash } = await import('node:crypto');
    expect(hashes[0]).not.toBe(createHash('sha256').update(ip).digest('hex'));
    const events = await sql<{ payload: string }>`SELECT payload::text AS payload FROM outbox`.execute(
      test.container.db,
    );
    for (const { payload } of events.rows) expect(payload).not.toContain('203.0.113.77');
  });

  it('allows 3 requests per client in 10 minutes, then 429 with Retry-After; another client is not affected', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < 3; i += 1) {
      await submitOk(test, VALID, ip);
      clock.advance(MINUTE);
    }
    const refused = await submit(test, VALID, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // The first request leaves the window 10 minutes after it was sent: 3 minutes have passed.
    expect(Number(refused.headers['retry-after'])).toBe(7 * 60);
    await submitOk(test, VALID, '192.0.2.11');
    expect(await storedRequests(test)).toHaveLength(4);

    clock.advance(7 * MINUTE - 1000);
    expect((await submit(test, VALID, ip)).statusCode).toBe(429);
    clock.advance(1000);
    await submitOk(test, VALID, ip);
  });

  it('allows 10 requests per client and day', async () => {
    const ip = '192.0.2.20';
    const start = clock.now().getTime();
    for (let i = 0; i < 10; i += 1) {
      await submitOk(test, VALID, ip);
      clock.advance(11 * MINUTE);
    }
    const refused = await submit(test, VALID, ip);
    expect(refused.statusCode).toBe(429);
    const expected = Math.ceil((start + 24 * HOUR - clock.now().getTime()) / 1000);
    expect(Number(refused.headers['retry-after'])).toBe(expected);
    await submitOk(test, VALID, '192.0.2.21');
  });

  it('refuses everyone once the global ceiling (100 an hour) is reached', async () => {
    const now = clock.now();
    await test.container.db
      .insertInto('contactRequests')
      .values(
        Array.from({ length: 100 }, (_, index) => ({
          id: crypto.randomUUID(),
          name: 'Flood',
          email: 'flood@example.com',
          message: 'A message from the flood.',
          locale: 'en' as const,
          clientHash: index.toString(16).padStart(64, '0'),
          createdAt: new Date(now.getTime() - 30 * MINUTE + index * 1000),
        })),
      )
      .execute();
    const refused = await submit(test, VALID, '192.0.2.30');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(30 * 60);
    clock.advance(30 * MINUTE);
    await submitOk(test, VALID, '192.0.2.30');
  });

  it('never lets concurrent requests of one client past the limit', async () => {
    const ip = '192.0.2.40';
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(test, VALID, ip)));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429, 429, 429]);
    expect(await storedRequests(test)).toHaveLength(3);
  });

  it('counts neither refused nor trapped requests', async () => {
    const ip = '192.0.2.50';
    for (let i = 0; i < 5; i += 1) {
      expect((await submit(test, { ...VALID, email: 'bad' }, ip)).statusCode).toBe(422);
      await submitOk(test, { ...VALID, website: 'spam' }, ip);
    }
    for (let i = 0; i < 3; i += 1) await submitOk(test, VALID, ip);
    expect(await storedRequests(test)).toHaveLength(3);
  });
});

describe('POST /api/v1/contacts: the honeypot is logged at debug level only', () => {
  it('logs a dropped request at debug, without the visitor’s data', async () => {
    const { Writable } = await import('node:stream');
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logged = await createTestApp({ logStream, env: { LOG_LEVEL: 'debug', RATE_LIMIT_MAX: '5000' } });
    try {
      await submitOk(logged, { ...VALID, name: 'Spam Bot', website: 'http://spam.example' }, '203.0.113.99');
      const trap = lines.map((line) => JSON.parse(line)).filter((entry) => /honeypot/.test(String(entry.message)));
      expect(trap).toHaveLength(1);
      expect(trap[0]['log.level']).toBe('debug');
      expect(JSON.stringify(trap[0])).not.toContain('Spam Bot');
      expect(await storedRequests(logged)).toEqual([]);
    } finally {
      await logged.close();
    }
  });
});
