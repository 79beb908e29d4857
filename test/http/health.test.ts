import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/shared/infrastructure/db/embedded-postgres.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789abcdef';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(() => t.close());

  it('is live', async () => {
    const response = await t.app.inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers', async () => {
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('turns 503 while shutting down', async () => {
    t.container.health.markShuttingDown();
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'shutting_down', checks: { database: 'ok' } });
  });

  it('serves Prometheus metrics only with the token', async () => {
    await t.app.inject({ url: '/health/live' });
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const response = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /baza_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
    );
    expect(response.body).toMatch(/baza_db_pool_connections\{state="total"\} \d+/);
    expect(response.body).toMatch(/baza_outbox_pending_events 0/);
    expect(response.body).toContain('baza_job_queue_jobs');
  });
});

describe('health with an unreachable database', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closedPort = await freePort();
    t = await createTestApp({ connectionString: `postgres://postgres@127.0.0.1:${closedPort}/nowhere` });
  });
  afterAll(() => t.close());

  it('answers 503 naming the failing check', async () => {
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'fail', checks: { database: 'fail' } });
  });

  it('stays live', async () => {
    expect((await t.app.inject({ url: '/health/live' })).statusCode).toBe(200);
  });
});

describe('metrics without a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are disabled', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(404);
  });
});
