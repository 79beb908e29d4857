import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('home page', () => {
  it('renders in Russian by default, with its assets and no console errors', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'ru-RU' });
    try {
      const response = await page.goto(`${baseUrl}/`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('ru');
      expect(await page.getAttribute('html', 'data-bs-theme')).toBe('dark');
      expect(await page.textContent('h1')).toBe('Учитесь по своей траектории');
      expect(await page.title()).toBe('Учитесь по своей траектории · Baza');
      // Bootstrap's stylesheet is applied (served from npm, not a CDN) and htmx is loaded.
      expect(
        await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--bs-body-bg').trim()),
      ).not.toBe('');
      expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('has no serious or critical accessibility violations', async () => {
    const { page, close } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(`${baseUrl}/`);
      await expectAccessible(page);
    } finally {
      await close();
    }
  });
});

describe('language switcher', () => {
  it('switches to English and back, remembers the choice, and says so', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'ru-RU' });
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForURL(`${baseUrl}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('h1')).toBe('Learn along your own path');
      expect(await page.textContent('#flash-region')).toContain('The interface language has been changed.');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

      await page.goto(`${baseUrl}/`);
      expect(await page.textContent('h1')).toBe('Learn along your own path');
      expect(await page.textContent('#flash-region')).not.toContain('changed');

      await page.getByRole('button', { name: 'Русский' }).click();
      await page.waitForURL(`${baseUrl}/`);
      expect(await page.textContent('h1')).toBe('Учитесь по своей траектории');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works without JavaScript', async () => {
    const { page, close } = await openPage(browser, { locale: 'en-US', javaScriptEnabled: false });
    try {
      await page.goto(`${baseUrl}/no-such-page`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe('/no-such-page');
      expect(await page.textContent('h1')).toBe('Страница не найдена');
    } finally {
      await close();
    }
  });
});

describe('htmx', () => {
  it('swaps a 4xx error fragment into its target, as configured', async () => {
    const { page, close } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(`${baseUrl}/`);
      await page.evaluate(() =>
        (window as unknown as { htmx: { ajax(verb: string, path: string, target: string): Promise<void> } }).htmx.ajax(
          'GET',
          '/no-such-fragment',
          '#flash-region',
        ),
      );
      await page.locator('#flash-region h1').waitFor();
      expect(await page.textContent('#flash-region h1')).toBe('Page not found');
      // A fragment, not a whole page nested in the page.
      expect(await page.locator('html').count()).toBe(1);
      expect(await page.locator('#flash-region nav').count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('error pages', () => {
  it('renders an accessible, localized 404', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    try {
      const response = await page.goto(`${baseUrl}/definitely/missing`);
      expect(response?.status()).toBe(404);
      expect(await page.textContent('h1')).toBe('Page not found');
      await expectAccessible(page);
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('serves the interactive API reference', async () => {
    const { page, close } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(`${baseUrl}/api/docs`);
      await page.getByText('Baza API').first().waitFor({ timeout: 15_000 });
      await page.getByText('/health/ready').first().waitFor();
    } finally {
      await close();
    }
  });
});
