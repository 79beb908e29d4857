import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let executions = 0;
let release: (() => void) | undefined;

beforeAll(async () => {
  t = await createTestApp({
    routes: (app) => {
      app.post(
        '/api/v1/test/enrollments',
        {
          config: { idempotent: true },
          schema: { body: Type.Object({ track: Type.String(), slow: Type.Optional(Type.Boolean()) }) },
        },
        async (request, reply) => {
          executions += 1;
          const body = request.body as { track: string; slow?: boolean };
          if (body.slow) await new Promise<void>((resolve) => (release = resolve));
          if (body.track === 'boom') throw new Error('server failure');
          reply.header('location', `/api/v1/enrollments/${executions}`);
          return reply.status(201).send({ enrollment: executions, track: body.track });
        },
      );
    },
  });
});
afterAll(() => t.close());
beforeEach(() => {
  executions = 0;
});

const enroll = (key: string | undefined, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/test/enrollments',
    headers: key === undefined ? {} : { 'idempotency-key': key },
    payload,
  });

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const first = await enroll('key-1', { track: 'hip-hop' });
    const second = await enroll('key-1', { track: 'hip-hop' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(executions).toBe(1);
  });

  it('answers 422 when the key is reused with another body', async () => {
    await enroll('key-2', { track: 'hip-hop' });
    const other = await enroll('key-2', { track: 'backend' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(executions).toBe(1);
  });

  it('runs every request without a key', async () => {
    await enroll(undefined, { track: 'a' });
    await enroll(undefined, { track: 'a' });
    expect(executions).toBe(2);
  });

  it('rejects a malformed key', async () => {
    const response = await enroll('x'.repeat(300), { track: 'a' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotency_key_invalid' });
    expect(executions).toBe(0);
  });

  it('does not store a server error, so the client may retry', async () => {
    expect((await enroll('key-3', { track: 'boom' })).statusCode).toBe(500);
    expect((await enroll('key-3', { track: 'boom' })).statusCode).toBe(500);
    expect(executions).toBe(2);
  });

  it('answers 409 while the first request is in flight, then replays it', async () => {
    const first = enroll('key-4', { track: 'slow', slow: true });
    await expect.poll(() => release, { timeout: 5000, interval: 5 }).toBeDefined();
    const during = await enroll('key-4', { track: 'slow', slow: true });
    expect(during.statusCode).toBe(409);
    expect(during.json()).toMatchObject({ code: 'idempotency_request_in_progress' });
    expect(during.headers['retry-after']).toBe('1');
    release?.();
    release = undefined;
    expect((await first).statusCode).toBe(201);
    const after = await enroll('key-4', { track: 'slow', slow: true });
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(executions).toBe(1);
  });

  it('runs the handler once under concurrent repeats', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => enroll('key-5', { track: 'race' })));
    expect(executions).toBe(1);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    const created = responses.filter((response) => response.statusCode === 201).map((response) => response.json());
    expect(new Set(created.map((body) => JSON.stringify(body))).size).toBe(1);
  });

  it('does not replay a response past its retention', async () => {
    await enroll('key-6', { track: 'a' });
    await t.container.db
      .updateTable('idempotencyKeys')
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) })
      .where('key', '=', 'key-6')
      .execute();
    const again = await enroll('key-6', { track: 'a' });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(executions).toBe(2);
  });

  it('lets a retry take over a claim whose lease ran out (the first process died)', async () => {
    await t.container.db
      .insertInto('idempotencyKeys')
      .values({
        scope: 'POST /api/v1/test/enrollments anonymous',
        key: 'key-7',
        owner: '00000000-0000-4000-8000-000000000000',
        requestHash: 'whatever',
        state: 'in_flight',
        createdAt: new Date(Date.now() - 120_000),
        expiresAt: new Date(Date.now() - 60_000),
      })
      .execute();
    const retry = await enroll('key-7', { track: 'a' });
    expect(retry.statusCode).toBe(201);
    expect(executions).toBe(1);
  });
});
