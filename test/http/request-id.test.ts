import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('X-Request-Id', () => {
  it('echoes a sane incoming id', async () => {
    const response = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': 'lb-7f3a.42:x' } });
    expect(response.headers['x-request-id']).toBe('lb-7f3a.42:x');
  });

  it('replaces an id that is too long or has odd characters', async () => {
    for (const bad of ['a'.repeat(200), 'has space', '<script>', 'кириллица']) {
      const response = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': bad } });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('generates a distinct id for every request and puts it into problems', async () => {
    const first = await t.app.inject({ url: '/api/v1/nothing' });
    const second = await t.app.inject({ url: '/api/v1/nothing' });
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    expect(first.json().requestId).toBe(first.headers['x-request-id']);
  });
});
