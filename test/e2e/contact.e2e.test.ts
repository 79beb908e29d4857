import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const owner = inject('owner');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const email = `eve-${Date.now()}@example.com`;
const NAME = 'Eve <img src=x onerror=alert(1)>';
const MESSAGE = 'Hello!\n<script>alert("contact")</script>\n<img src=x onerror=alert(2)>\nThanks.';

/** Any dialog (alert, confirm, prompt) means a payload ran: the test fails. */
function failOnDialog(page: Page, dialogs: string[]): void {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

async function signInAsOwner(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/profile$/);
}

describe('the contact form in a real browser', () => {
  it('a guest fixes the errors and sends; the owner reads the request escaped and marks it handled', async () => {
    const dialogs: string[] = [];
    const guest = await openPage(browser, { locale: 'en-US' });
    failOnDialog(guest.page, dialogs);
    const { page } = guest;
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${baseUrl}/contact`);
      await expectAccessible(page);
      await page.getByLabel('Your name').fill(NAME);
      await page.getByLabel('Email').fill('eve-at-example');
      await page.getByLabel('Message').fill('Hi');
      await page.getByRole('button', { name: 'Send' }).click();

      // Back with both errors next to their fields, and the values kept.
      await page.locator('#error-summary').waitFor();
      expect(await page.textContent('#error-summary')).toContain('Correct the fields with errors (2).');
      expect(await page.textContent('#contact-email-error')).toContain('Enter an email address');
      expect(await page.textContent('#contact-message-error')).toContain('At least 10 characters');
      expect(await page.locator('#contact-name-error').count()).toBe(0);
      expect(await page.getByLabel('Your name').inputValue()).toBe(NAME);
      expect(await page.getByLabel('Email').inputValue()).toBe('eve-at-example');
      expect(await page.getByLabel('Message').inputValue()).toBe('Hi');
      expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);

      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Message').fill(MESSAGE);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForURL(`${baseUrl}/contact/sent`);
      expect(await page.textContent('main')).toContain(`Thank you! We will answer at ${email}.`);
      await expectAccessible(page);
      // The first form answered 422 on purpose (Chromium logs that document); nothing else failed.
      expect(guest.errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
    } finally {
      await guest.close();
    }

    const staff = await openPage(browser, { locale: 'en-US' });
    failOnDialog(staff.page, dialogs);
    try {
      const admin = staff.page;
      admin.setDefaultTimeout(10_000);
      await signInAsOwner(admin);
      await admin.goto(`${baseUrl}/admin/contacts?q=${encodeURIComponent(email)}`);
      const card = admin.locator('article', { hasText: email });
      await card.waitFor();
      expect(await card.locator('h2').textContent()).toBe(NAME);
      const message = (await card.locator('blockquote').innerText()).trim();
      expect(message).toBe(MESSAGE);
      expect(await card.locator('script, img').count()).toBe(0);
      await expectAccessible(admin);

      await card.getByRole('button', { name: /Mark handled/ }).click();
      await admin.waitForURL(/\/admin\/contacts\?q=.*#request-/);
      expect(await admin.textContent('#flash-region')).toContain('The request is marked handled.');
      const handled = admin.locator('article', { hasText: email });
      expect(await handled.textContent()).toContain('Handled by E2E Owner');
      await handled.getByRole('button', { name: /Reopen/ }).waitFor();
      await expectAccessible(admin);
      expect(staff.errors).toEqual([]);
    } finally {
      await staff.close();
    }
    expect(dialogs).toEqual([]);
  });
});
