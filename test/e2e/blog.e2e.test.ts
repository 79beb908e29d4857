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

const unique = Date.now().toString(36);
const moderator = {
  email: `writer-${unique}@e2e.test`,
  name: 'Writer Moderator',
  password: 'a moderator who writes articles',
};
const trackSlug = `blog-track-${unique}`;
const articleTitle = `Covering indexes, in lessons ${unique}`;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** Markdown full of XSS attempts: none may run (a dialog fails the test). */
const BODY = [
  '## Why covering indexes',
  '',
  `These lessons show how an index answers a query alone (${unique}).`,
  '',
  '<script>alert("script")</script>',
  '<img src=x onerror="alert(\'img\')">',
  '[a link](javascript:alert("link"))',
  '',
  '## Trying it',
  '',
  '```sql',
  'CREATE INDEX ON orders (customer_id) INCLUDE (total);',
  '```',
  '',
].join('\n');

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/profile$/);
}

/** Waits for the flash message of the page a form led to (the URL may not change). */
async function expectFlash(page: Page, text: string): Promise<void> {
  await page.locator('#flash-region', { hasText: text }).waitFor();
}

/** No dialog may ever open: an XSS payload that runs fails the test. */
function failOnDialog(page: Page, seen: string[]): void {
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
}

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

/** The owner makes a track with a module (for the mini-test) and a moderator who writes. */
async function prepare(): Promise<void> {
  const { page, close } = await openPage(browser, { locale: 'en-US' });
  page.setDefaultTimeout(10_000);
  try {
    await page.goto(`${baseUrl}/register`);
    await page.getByLabel('Email').fill(moderator.email);
    await page.getByLabel('Name').fill(moderator.name);
    await page.getByLabel('Password', { exact: true }).fill(moderator.password);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.goto(await verificationLink(page, moderator.email));
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForURL(/\/login/);

    await signIn(page, owner.email, owner.password);
    await page.goto(`${baseUrl}/admin/users?q=${encodeURIComponent(moderator.email)}`);
    await page.getByLabel(`Role of ${moderator.email}`).selectOption('moderator');
    await page.getByRole('button', { name: 'Assign' }).click();
    await expectFlash(page, 'The role has been changed.');

    await page.goto(`${baseUrl}/admin/tracks`);
    const newTrack = page.locator('form[method="post"][action="/admin/tracks"]');
    await newTrack.getByLabel('Title').fill(`SQL for the blog ${unique}`);
    await newTrack.getByLabel('Address (slug)').fill(trackSlug);
    await newTrack.getByLabel('Description').fill('Indexes and queries.');
    await newTrack.getByRole('button', { name: 'Create a draft' }).click();
    await page.waitForURL(/\/admin\/tracks\/[0-9a-f-]{36}$/);
    const trackId = page.url().split('/').at(-1)!;
    const form = page.locator(`form[action="/admin/tracks/${trackId}/modules"]`);
    await form.getByLabel('Title').fill('Indexes');
    await form.getByLabel('Address (slug)').fill('indexes');
    await form.getByRole('button', { name: 'Add a module' }).click();
    await page.locator('#flash-region', { hasText: 'The module was added.' }).waitFor();
  } finally {
    await close();
  }
}

describe('the blog in a real browser', () => {
  it('a moderator writes, illustrates, tests and publishes an article; a guest finds it by another word form', async () => {
    await prepare();
    const dialogs: string[] = [];
    const writer = await openPage(browser, { locale: 'en-US' });
    const { page } = writer;
    page.setDefaultTimeout(10_000);
    failOnDialog(page, dialogs);
    let articleUrl: string;
    try {
      await signIn(page, moderator.email, moderator.password);
      await page.goto(`${baseUrl}/admin/articles/new`);
      await expectAccessible(page);
      await page.getByLabel('Title').fill(articleTitle);
      await page.getByLabel('Summary').fill('What an index can answer on its own.');
      await page.getByLabel('Tags').fill('sql, e2e');
      // The live preview follows the body (htmx), and sanitizes it as saving will.
      await page.getByLabel('Text (Markdown)').fill(BODY);
      await page.locator('#article-preview-body h2', { hasText: 'Why covering indexes' }).waitFor();
      expect(await page.locator('#article-preview-body script').count()).toBe(0);
      expect(await page.locator('#article-preview-body img[onerror]').count()).toBe(0);
      expect(await page.locator('#article-preview-body a[href^="javascript:"]').count()).toBe(0);
      // The track's modules arrive when the track is chosen (htmx redraws the links).
      await page.getByLabel('Track', { exact: true }).selectOption({ label: `SQL for the blog ${unique}` });
      await page.getByLabel('Module', { exact: true }).selectOption({ label: 'Indexes' });
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
      await expectFlash(page, 'The article is created.');
      const editUrl = page.url();
      const articleId = editUrl.split('/').at(-1)!;

      // An image: uploaded through the files module, its Markdown inserted at the cursor.
      await page.getByLabel('File (PNG, JPEG, WebP or GIF, up to 5 MiB)').setInputFiles({
        name: 'covering-index.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByLabel('Image description').fill('A covering index');
      await page.getByRole('button', { name: 'Upload' }).click();
      const insert = page.getByRole('button', { name: 'Insert into the text' });
      await insert.waitFor();
      const body = page.getByLabel('Text (Markdown)');
      await body.focus();
      await body.evaluate((field: HTMLTextAreaElement) =>
        field.setSelectionRange(field.value.length, field.value.length),
      );
      await insert.click();
      expect(await body.inputValue()).toMatch(/!\[A covering index\]\(\/api\/v1\/files\/[\w-]+\)\n$/);
      await page.locator('#article-preview-body img[alt="A covering index"]').waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(editUrl);
      await expectFlash(page, 'The article is saved.');

      // A mini-test question, without JavaScript's help: "Add a question" redraws the form.
      await page.getByRole('link', { name: 'Mini-test (0)' }).click();
      await page.waitForURL(`${baseUrl}/admin/articles/${articleId}/minitest`);
      await page.getByRole('button', { name: 'Add a question' }).click();
      await page.getByLabel('Question text (Markdown)').fill('What does a **covering** index avoid?');
      await page.locator('#mt-0-option-0').fill('Reading the table');
      await page.locator('#mt-0-correct-0').check();
      await page.locator('#mt-0-option-1').fill('Writing the index');
      await page.getByLabel('Explanation (Markdown)').fill('Every column the query needs is in the index.');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Save the mini-test' }).last().click();
      await page.waitForURL(`${baseUrl}/admin/articles/${articleId}/minitest`);
      await expectFlash(page, 'The mini-test is saved.');

      await page.goto(editUrl);
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL(editUrl);
      await expectFlash(page, 'The article is published.');
      articleUrl = (await page.getByRole('link', { name: 'Open in the blog' }).getAttribute('href')) ?? '';
      expect(articleUrl).toMatch(/^\/blog\/[a-z0-9-]+$/);
      expect(writer.errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
    } finally {
      await writer.close();
    }

    const guest = await openPage(browser, { locale: 'en-US' });
    failOnDialog(guest.page, dialogs);
    guest.page.setDefaultTimeout(10_000);
    try {
      await guest.page.goto(`${baseUrl}/blog`);
      await expectAccessible(guest.page);
      // Live search: "lesson" finds "lessons" as the guest types, without submitting.
      await guest.page.getByLabel('Search the articles').pressSequentially(`lesson ${unique}`, { delay: 20 });
      const result = guest.page.locator('#blog-results').getByRole('link', { name: articleTitle });
      await result.waitFor();
      // Highlighted where the words matched (the snippet arrives with the last keystroke's results).
      await guest.page.locator('#blog-results mark').first().waitFor();
      expect(guest.page.url()).toContain('q=lesson');
      await expectAccessible(guest.page);
      await result.click();
      await guest.page.waitForURL(`${baseUrl}${articleUrl}`);
      await guest.page.getByRole('heading', { name: articleTitle, level: 1 }).waitFor();
      const image = guest.page.locator('article img[alt="A covering index"]');
      await image.waitFor();
      expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      expect(await guest.page.locator('article script').count()).toBe(0);
      expect(await guest.page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${baseUrl}${articleUrl}`);
      expect(await guest.page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
      await expectAccessible(guest.page);
      // Give a payload that could run on load a moment to show itself.
      await guest.page.waitForTimeout(300);
      expect(guest.errors).toEqual([]);
    } finally {
      await guest.close();
    }
    expect(dialogs).toEqual([]);
  }, 120_000);
});
