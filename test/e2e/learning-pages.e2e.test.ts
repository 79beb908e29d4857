import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';
import { apiClient } from './api.ts';

const baseUrl = inject('baseUrl');
const owner = inject('owner');
const unique = Date.now().toString(36);
const slug = `pages-track-${unique}`;
const student = { email: `learner-${unique}@e2e.test`, password: 'a student who studies hard', name: 'Lea Learner' };

/** One stage and no articles, so the level exam opens right after the diagnostic. */
const SETTINGS = {
  diagnostic: { questionsPerModule: 2 },
  adaptivity: { weakModules: 1 },
  content: { extraArticlesPerWeakModule: 1, minitestPassPercent: 50 },
  levelExam: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 2,
    passPercent: 50,
    timeLimitMinutes: 30,
    cooldownMinutes: 0,
    revealCorrectAnswers: false,
  },
  rankFinal: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 2,
    passPercent: 50,
    timeLimitMinutes: 30,
    cooldownMinutes: 60,
    revealCorrectAnswers: false,
  },
  approval: { required: true },
};

let browser: Browser;

const api = apiClient(baseUrl);

/** A published track through the admin API: one stage, two modules, six questions per module. */
async function publishTrack(): Promise<void> {
  const { accessToken } = (await api(null, 'POST', '/auth/login', owner)) as { accessToken: string };
  const track = (await api(accessToken, 'POST', '/admin/tracks', { slug, title: `Pages track ${unique}` })) as {
    id: string;
  };
  const stage = (await api(accessToken, 'POST', `/admin/tracks/${track.id}/stages`, { title: 'Foundations' })) as {
    id: string;
  };
  for (const [index, title] of ['Rhythm', 'Melody'].entries()) {
    const module = (await api(accessToken, 'POST', `/admin/tracks/${track.id}/modules`, {
      slug: `m${index + 1}`,
      title,
    })) as { id: string };
    for (let number = 1; number <= 6; number += 1) {
      await api(accessToken, 'POST', '/admin/questions', {
        trackId: track.id,
        moduleId: module.id,
        stageId: number <= 4 ? stage.id : null,
        kind: 'single',
        name: null,
        text: `${title} question ${number}: which is **right**?`,
        options: ['right', 'wrong', 'not this one'],
        correct: [0],
        explanation: `${title} explained.`,
      });
    }
  }
  const created = (await api(accessToken, 'POST', `/admin/tracks/${track.id}/settings-versions`, {
    params: SETTINGS,
    note: 'Browser test of the student pages',
  })) as { version: number };
  await api(accessToken, 'POST', `/admin/tracks/${track.id}/settings-versions/${created.version}/activate`);
  await api(accessToken, 'PATCH', `/admin/tracks/${track.id}`, { status: 'published' });
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

async function registerAndSignIn(page: Page): Promise<void> {
  await api(null, 'POST', '/auth/register', {
    email: student.email,
    password: student.password,
    displayName: student.name,
    locale: 'en',
  });
  await page.goto(await verificationLink(page, student.email));
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(student.email);
  await page.getByLabel('Password', { exact: true }).fill(student.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/profile$/);
}

/** Picks an option of every question by clicking it; each one's htmx autosave reports back. */
async function answerAll(page: Page, option: number): Promise<void> {
  const questions = page.locator('fieldset[data-question]');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const question = questions.nth(index);
    const id = (await question.getAttribute('data-question'))!;
    await question.locator(`#q-${id}-${option}`).check();
    await page.locator(`#q-${id}-status`, { hasText: 'Saved at' }).waitFor();
  }
}

beforeAll(async () => {
  await publishTrack();
  browser = await launchBrowser();
}, 90_000);
afterAll(() => browser?.close());

describe('the student pages in a browser', () => {
  it('enrolls, autosaves the diagnostic with htmx, keeps answers over a reload, and counts down a level exam', async () => {
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    try {
      await registerAndSignIn(page);

      await page.goto(`${baseUrl}/tracks/${slug}`);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Enroll' }).click();
      await page.waitForURL(`${baseUrl}/learn/${slug}`);
      await page.locator('#flash-region', { hasText: 'You are enrolled.' }).waitFor();
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Take the diagnostic' }).click();
      await page.waitForURL(/\/learn\/attempts\/[\da-f-]{36}$/);
      await expectAccessible(page);
      expect(await page.locator('fieldset[data-question]').count()).toBe(4);
      await answerAll(page, 0);

      await page.reload();
      expect(await page.locator('fieldset[data-question] input:checked').count()).toBe(4);
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('heading', { name: /Diagnostic, attempt 1: result/ }).waitFor();
      expect(dialogs).toEqual([]);
      const result = await page.locator('main').innerText();
      expect(result).toContain('By module');
      expect(result).toContain('Rhythm');
      expect(result).toContain('Melody');
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Take the level exam of stage 1' }).click();
      await page.waitForURL(/\/learn\/attempts\/[\da-f-]{36}$/);
      const countdown = page.locator('#countdown');
      await countdown.waitFor({ state: 'visible' });
      const first = await countdown.innerText();
      expect(first).toMatch(/Time left: (29:5\d|30:00)/);
      await page.waitForTimeout(2_100);
      expect(await countdown.innerText()).not.toBe(first);
      await expectAccessible(page);

      // One answer now: it saves itself, survives a reload, and Finish asks about the open three.
      const question = page.locator('fieldset[data-question]').first();
      const id = (await question.getAttribute('data-question'))!;
      await question.locator(`#q-${id}-1`).check();
      await page.locator(`#q-${id}-status`, { hasText: 'Saved at' }).waitFor();
      await page.reload();
      await expect(page.locator(`#q-${id}-1`).isChecked()).resolves.toBe(true);
      await page.locator('#countdown').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('heading', { name: /Level exam of stage 1, attempt 1: result/ }).waitFor();
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0]).toContain('Unanswered questions: 3');
      await expectAccessible(page);

      // The countdown reaching zero submits the attempt by itself (the page's clock runs fast).
      await page.clock.install();
      await page.getByRole('button', { name: 'Take the level exam of stage 1' }).click();
      await page.waitForURL(/\/learn\/attempts\/[\da-f-]{36}$/);
      await page.locator('#countdown').waitFor({ state: 'visible' });
      await page.clock.fastForward('30:01');
      await page.getByRole('heading', { name: /Level exam of stage 1, attempt 2: result/ }).waitFor();
      expect(dialogs).toHaveLength(1);

      await page.goto(`${baseUrl}/learn`);
      await page.getByRole('heading', { name: `Pages track ${unique}` }).waitFor();
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 150_000);
});
