import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { NODE_ENV: 'production', BASE_URL: 'https://baza.example', SMTP_URL: 'smtp://127.0.0.1:1' },
  });
});
afterAll(() => t.close());

it('sets __Host- cookies with Secure in production', async () => {
  const page = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
  const cookie = [page.headers['set-cookie']].flat().find((value) => value?.startsWith('__Host-baza-csrf='));
  expect(cookie).toBeDefined();
  expect(cookie).toMatch(/; Secure/);
  expect(cookie).toMatch(/Path=\//);
  expect(cookie).not.toMatch(/Domain=/);
  expect(page.headers['strict-transport-security']).toContain('max-age=31536000');
});
