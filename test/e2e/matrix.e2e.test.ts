import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const owner = inject('owner');
let browser: Browser;
const slug = `e2e-matrix-${Date.now()}`;
let itemId = '';

async function api(token: string, method: string, path: string, body?: object) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const sheet = (await api(accessToken, 'POST', '/admin/matrix/sheets', { slug, title: `Matrix ${slug}` })).id;
  const junior = (
    await api(accessToken, 'POST', `/admin/matrix/sheets/${sheet}/grades`, { slug: 'junior', title: 'Junior' })
  ).id;
  const senior = (
    await api(accessToken, 'POST', `/admin/matrix/sheets/${sheet}/grades`, { slug: 'senior', title: 'Senior' })
  ).id;
  const section = (await api(accessToken, 'POST', `/admin/matrix/sheets/${sheet}/sections`, { title: 'Databases' })).id;
  const sub = (await api(accessToken, 'POST', `/admin/matrix/sections/${section}/subsections`, { title: 'Indexes' }))
    .id;
  itemId = (
    await api(accessToken, 'POST', `/admin/matrix/subsections/${sub}/items`, {
      question: 'What is a B-tree index?',
      answer:
        'A **balanced** tree.\n\n<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))',
      gradeId: junior,
      resources: [{ title: 'PostgreSQL docs', url: 'https://www.postgresql.org/docs/' }],
    })
  ).id;
  await api(accessToken, 'POST', `/admin/matrix/subsections/${sub}/items`, {
    question: 'How does MVCC work?',
    answer: 'Row versions.',
    gradeId: senior,
  });
});
afterAll(() => browser.close());

describe('the competency matrix in a real browser', () => {
  it('a guest filters by sheet and grade, searches, expands an answer and opens the deep link', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(10_000);
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    try {
      await page.goto(`${baseUrl}/matrix?sheet=${slug}`);
      await expectAccessible(page);
      await expect.poll(() => page.locator('#matrix-results').textContent()).toContain('What is a B-tree index?');

      await page.getByLabel('Grade').selectOption('senior');
      await expect.poll(() => page.locator('#matrix-results').textContent()).not.toContain('B-tree');
      expect(await page.locator('#matrix-results').textContent()).toContain('MVCC');
      expect(page.url()).toContain('grade=senior');

      await page.getByLabel('Grade').selectOption('');
      await page.getByLabel('Search').fill('balanced');
      await page.getByRole('button', { name: 'Find' }).click();
      await expect.poll(() => page.locator('#matrix-results').textContent()).not.toContain('MVCC');

      const summary = page.locator('summary', { hasText: 'What is a B-tree index?' });
      await summary.click();
      await expect.poll(() => page.locator(`#answer-${itemId}`).textContent()).toContain('PostgreSQL docs');
      expect(await page.locator(`#answer-${itemId} strong`).textContent()).toBe('balanced');
      await expectAccessible(page);

      await page.locator(`#answer-${itemId}`).getByRole('link', { name: 'Link to the question' }).click();
      await page.waitForURL(new RegExp(`/matrix/items/${itemId}$`));
      await expect.poll(() => page.locator('h1').textContent()).toContain('What is a B-tree index?');
      expect(await page.getByRole('link', { name: 'PostgreSQL docs' }).getAttribute('rel')).toBe('noopener noreferrer');
      await expectAccessible(page);
      // Clicking the javascript: text must not run anything: it is not a link.
      expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
      expect(dialogs).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the staff editor is accessible', async () => {
    const { page, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email').fill(owner.email);
      await page.getByLabel('Password', { exact: true }).fill(owner.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/profile$/);
      await page.goto(`${baseUrl}/admin/matrix`);
      await expectAccessible(page);
      await page.getByRole('link', { name: `Matrix ${slug}` }).click();
      await page.waitForURL(/\/admin\/matrix\/sheets\/[0-9a-f-]{36}$/);
      await expectAccessible(page);
      await page.goto(`${baseUrl}/admin/matrix/items/${itemId}`);
      await expectAccessible(page);
    } finally {
      await close();
    }
  });
});
