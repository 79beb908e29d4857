import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from '../e2e/browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

/** A real 1×1 PNG, so the browser can draw it. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('the avatar in a real browser (profile page and navigation, axe-clean)', () => {
  let test: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    const user = await registeredUser(test, 'browser@school.test');
    await test.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.auth, payload: { locale: 'en' } });
    baseUrl = await test.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('uploads an avatar without JavaScript tricks, shows it in the navigation, and removes it', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email').fill('browser@school.test');
      await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/profile$/);
      await page.getByRole('heading', { name: 'Avatar' }).waitFor();
      await expectAccessible(page);

      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baza-avatar-')), 'me.png');
      writeFileSync(file, TINY_PNG);
      await page.getByLabel('Image').setInputFiles(file);
      await page.getByRole('button', { name: 'Upload avatar' }).click();
      await page.waitForURL(/\/profile(#avatar)?$/);
      expect(await page.textContent('#flash-region')).toContain('Avatar saved.');

      const navAvatar = page.locator('nav img[alt="Avatar"]');
      await navAvatar.waitFor();
      // The browser really loaded and decoded it (an image served inline, same origin).
      expect(await navAvatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Remove avatar' }).click();
      await page.waitForURL(/\/profile(#avatar)?$/);
      expect(await page.textContent('#flash-region')).toContain('Avatar removed.');
      expect(await page.locator('nav img[alt="Avatar"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});
