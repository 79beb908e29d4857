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

it('keeps the web session in __Host- cookies (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain) that sign pages in', async () => {
  await t.container.modules.identity.useCases.createOwner({
    email: 'owner@baza.example',
    password: 'the production owner passphrase',
    displayName: 'Owner',
    locale: 'en',
    now: new Date(),
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'owner@baza.example', password: 'the production owner passphrase' },
  });
  expect(login.statusCode).toBe(200);
  const cookies = [login.headers['set-cookie']].flat().filter((value): value is string => Boolean(value));
  for (const name of ['__Host-baza-access', '__Host-baza-refresh']) {
    const cookie = cookies.find((value) => value.startsWith(`${name}=`));
    expect(cookie, name).toBeDefined();
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
  }
  const cookieHeader = cookies.map((value) => value.split(';')[0]).join('; ');
  // Production requires MFA for the owner: the session works, and sends them to set it up first.
  const admin = await t.app.inject({ url: '/admin/users', headers: { accept: 'text/html', cookie: cookieHeader } });
  expect(admin.statusCode).toBe(303);
  expect(admin.headers.location).toBe('/profile/mfa');
  const mfa = await t.app.inject({ url: '/profile/mfa', headers: { accept: 'text/html', cookie: cookieHeader } });
  expect(mfa.statusCode).toBe(200);
  expect(mfa.body).toContain('Owner');
});
