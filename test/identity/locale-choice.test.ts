import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { PageBrowser } from './page-browser.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

it("saves the language switcher's choice as a signed-in user's preference (UI and emails follow it)", async () => {
  await registeredUser(test, 'lang@school.test'); // registered with the default locale, Russian
  const browser = await PageBrowser.signIn(test.app, 'lang@school.test');
  const before = await test.app.inject({ url: '/api/v1/me', headers: browser.auth });
  expect(before.json().locale).toBe('ru');

  const switched = await browser.post('/locale', { locale: 'en', returnTo: '/profile' });
  expect(switched.statusCode).toBe(303);
  const after = await test.app.inject({ url: '/api/v1/me', headers: browser.auth });
  expect(after.json().locale).toBe('en');
  const page = await browser.get('/profile');
  expect(page.body).toContain('<html lang="en"');

  await browser.post('/locale', { locale: 'ru', returnTo: '/profile' });
  expect((await browser.get('/profile')).body).toContain('<html lang="ru"');
});
