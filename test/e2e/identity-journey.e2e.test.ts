import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const owner = inject('owner');
const totp = createTotp({ issuer: 'Baza' });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const student = { email: `nina-${Date.now()}@e2e.test`, name: 'Nina Student', password: 'breakdance at the old depot' };

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('the account journey in a real browser', () => {
  it('registers, confirms from the dev mailbox, enables TOTP, signs in again with a code, and is promoted by the owner', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${baseUrl}/register`);
      await expectAccessible(page);
      await page.getByLabel('Email').fill(student.email);
      await page.getByLabel('Name').fill(student.name);
      await page.getByLabel('Password', { exact: true }).fill(student.password);
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();

      // The link from the development mailbox (the worker delivers the outbox in the background).
      const link = await verificationLink(page, student.email);
      await page.goto(link);
      await page.getByRole('button', { name: 'Confirm my email' }).click();
      await page.waitForURL(/\/login/);
      expect(await page.textContent('#flash-region')).toContain('Your email is confirmed');

      await page.getByLabel('Email').fill(student.email);
      await page.getByLabel('Password', { exact: true }).fill(student.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/profile$/);
      expect(await page.textContent('nav')).toContain(student.name);

      // Two-factor sign-in: the key shown for manual entry is what an authenticator app would read.
      await page.goto(`${baseUrl}/profile/mfa`);
      await page.getByLabel('Password', { exact: true }).fill(student.password);
      await page.getByRole('button', { name: 'Set up' }).click();
      await expectAccessible(page);
      const secret = (await page.getByLabel('Key for manual entry').textContent())!.replace(/\s/g, '');
      await page.getByLabel(/code/i).first().fill(totp.codeAt(secret, new Date()));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByRole('heading', { name: 'Recovery codes' }).waitFor();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${baseUrl}/`);
      expect(await page.textContent('nav')).not.toContain(student.name);

      await signIn(page, student.email, student.password);
      await page.getByRole('heading', { name: 'Confirm sign-in' }).waitFor();
      // The setup used this 30-second step's code; a code is accepted once, so use the next one.
      await page.getByLabel('Authenticator code').fill(totp.codeAt(secret, new Date(Date.now() + 30_000)));
      await page.getByRole('button', { name: 'Confirm', exact: true }).click();
      await page.waitForURL(/\/profile$/);
      expect(await page.textContent('main')).toContain('Student');

      // The owner, created by `baza user create-owner`, promotes the student to moderator.
      const admin = await openPage(browser, { locale: 'en-US' });
      try {
        await signIn(admin.page, owner.email, owner.password);
        await admin.page.waitForURL(/\/profile$/);
        await admin.page.goto(`${baseUrl}/admin/users?q=${encodeURIComponent(student.email)}`);
        await expectAccessible(admin.page);
        await admin.page.getByLabel(`Role of ${student.email}`).selectOption('moderator');
        await admin.page.getByRole('button', { name: 'Assign' }).click();
        expect(await admin.page.textContent('#flash-region')).toContain('The role has been changed.');
        expect(admin.errors).toEqual([]);
      } finally {
        await admin.close();
      }

      await page.goto(`${baseUrl}/profile`);
      expect(await page.textContent('main')).toContain('Moderator');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});

async function verificationLink(page: Page, email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await page.goto(`${baseUrl}/dev/mail`);
    const row = page.locator('tr', { hasText: email }).first();
    if ((await row.count()) > 0) {
      await row.getByRole('link').first().click();
      const href = await page.locator('a[href*="/verify-email?token="]').first().getAttribute('href');
      if (href) return href;
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`no verification mail for ${email} in /dev/mail`);
}

describe('identity pages', () => {
  it('have no serious accessibility violations, for guests and for the signed-in owner', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(10_000);
    try {
      for (const path of ['/login', '/register', '/forgot-password', '/resend-verification']) {
        await page.goto(`${baseUrl}${path}`);
        await expectAccessible(page);
      }
      await signIn(page, owner.email, owner.password);
      await page.waitForURL(/\/profile$/);
      for (const path of [
        '/profile',
        '/profile/password',
        '/profile/sessions',
        '/profile/mfa',
        '/admin/users',
        '/admin/audit',
      ]) {
        await page.goto(`${baseUrl}${path}`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await expectAccessible(page);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
