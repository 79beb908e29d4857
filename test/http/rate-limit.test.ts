import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('rate limit (memory store)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After past the limit, per client IP', async () => {
    const fromA = { remoteAddress: '10.0.0.1', headers: { 'accept-language': 'en' } };
    for (let index = 0; index < 3; index += 1) {
      expect((await t.app.inject({ url: '/api/v1/none', ...fromA })).statusCode).toBe(404);
    }
    const limited = await t.app.inject({ url: '/api/v1/none', ...fromA });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429, title: 'Too many requests' });

    expect((await t.app.inject({ url: '/api/v1/none', remoteAddress: '10.0.0.2' })).statusCode).toBe(404);
  });

  it('limits pages as well', async () => {
    const page = () => t.app.inject({ url: '/', remoteAddress: '10.0.0.4', headers: { accept: 'text/html' } });
    for (let index = 0; index < 3; index += 1) expect((await page()).statusCode).toBe(200);
    const limited = await page();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('never limits health checks', async () => {
    for (let index = 0; index < 6; index += 1) {
      expect((await t.app.inject({ url: '/health/live', remoteAddress: '10.0.0.9' })).statusCode).toBe(200);
    }
  });

  it('ignores X-Forwarded-For from an untrusted peer', async () => {
    const spoofed = { remoteAddress: '10.0.0.3', headers: { 'x-forwarded-for': '203.0.113.1' } };
    for (let index = 0; index < 3; index += 1) await t.app.inject({ url: '/api/v1/none', ...spoofed });
    const next = await t.app.inject({
      url: '/api/v1/none',
      remoteAddress: '10.0.0.3',
      headers: { 'x-forwarded-for': '203.0.113.2' },
    });
    expect(next.statusCode).toBe(429);
  });
});

describe('rate limit behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '2', TRUSTED_PROXIES: '10.1.0.0/16' } });
  });
  afterAll(() => t.close());

  it('counts the client address the proxy reports', async () => {
    const viaProxy = (client: string) =>
      t.app.inject({ url: '/api/v1/none', remoteAddress: '10.1.0.5', headers: { 'x-forwarded-for': client } });
    await viaProxy('198.51.100.1');
    await viaProxy('198.51.100.1');
    expect((await viaProxy('198.51.100.1')).statusCode).toBe(429);
    expect((await viaProxy('198.51.100.2')).statusCode).toBe(404);
  });
});

describe.runIf(process.env.REDIS_URL)('rate limit shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  const env = { RATE_LIMIT_MAX: '3', REDIS_URL: process.env.REDIS_URL ?? '' };
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestApp({ env }), createTestApp({ env })]);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('counts one client across two instances and checks Redis for readiness', async () => {
    const client = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (const app of [first.app, second.app, first.app, second.app]) {
      statuses.push((await app.inject({ url: '/api/v1/none', remoteAddress: client })).statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    const ready = await first.app.inject({ url: '/health/ready' });
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });
});

describe('readiness with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('answers 503 naming redis', async () => {
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'fail', checks: { database: 'ok', redis: 'fail' } });
  });
});
