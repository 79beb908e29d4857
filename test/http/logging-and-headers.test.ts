import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const lines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { LOG_LEVEL: 'info', CORS_ORIGINS: 'https://app.example' },
    logStream,
    routes: (app) => {
      app.get('/test/crash-page', async () => {
        throw new Error('boom with secret details');
      });
      app.post('/api/v1/test/login', async (request) => {
        request.log.info({ body: request.body }, 'login attempt');
        request.log.info({ password: 'top-level-password', nested: { user: { token: 'deep-token' } } }, 'careless');
        return { ok: true };
      });
    },
  });
});
afterAll(() => t.close());

describe('request logging', () => {
  it('writes one ECS line per request with route, status, duration and request id', async () => {
    lines.length = 0;
    const response = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': 'log-check-1' } });
    expect(response.statusCode).toBe(200);
    const mine = lines.filter((line) => line.requestId === 'log-check-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      message: 'request completed',
      route: '/health/live',
      statusCode: 200,
      method: 'GET',
      'log.level': 'info',
    });
    expect(mine[0]?.durationMs).toEqual(expect.any(Number));
    expect(mine[0]?.['@timestamp']).toEqual(expect.any(String));
  });

  it('never logs the query string, where tokens travel', async () => {
    lines.length = 0;
    await t.app.inject({ url: '/reset-password?token=secret-reset-token', headers: { accept: 'text/html' } });
    expect(JSON.stringify(lines)).not.toContain('secret-reset-token');
    expect(lines.find((line) => line.message === 'request completed')).toMatchObject({ path: '/reset-password' });
  });

  it('redacts secrets and never logs credentials sent in headers', async () => {
    lines.length = 0;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/login',
      headers: { authorization: 'Bearer top-secret-token', cookie: 'baza-session=abc', 'x-request-id': 'log-check-2' },
      payload: { email: 'a@b.co', password: 'hunter2-password' },
    });
    const text = JSON.stringify(lines);
    expect(text).toContain('login attempt');
    expect(text).not.toContain('hunter2-password');
    expect(text).not.toContain('top-level-password');
    expect(text).not.toContain('deep-token');
    expect(text).not.toContain('top-secret-token');
    expect(text).toContain('[redacted]');
  });

  it('logs the stack of an unknown error, and sends none of it', async () => {
    lines.length = 0;
    const response = await t.app.inject({
      url: '/test/crash-page',
      headers: { accept: 'text/html', 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Something went wrong');
    expect(response.body).toContain(`Request id: ${String(response.headers['x-request-id'])}`);
    expect(response.body).not.toContain('boom with secret details');
    const failure = lines.find((line) => line.message === 'request failed');
    expect(JSON.stringify(failure)).toContain('boom with secret details');
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers', async () => {
    const response = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined(); // production only
  });

  it('allows cross-origin API calls only from the configured origins', async () => {
    const allowed = await t.app.inject({ url: '/health/live', headers: { origin: 'https://app.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
    const other = await t.app.inject({ url: '/health/live', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/openapi.json',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
  });

  it('serves Bootstrap and htmx from npm with long-lived caching', async () => {
    const page = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const assets = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const response = await t.app.inject({ url: asset });
      expect(response.statusCode, asset).toBe(200);
    }
    const bootstrap = assets.find((asset) => asset.includes('bootstrap-')) ?? '';
    expect((await t.app.inject({ url: bootstrap })).headers['cache-control']).toContain('immutable');
  });
});
