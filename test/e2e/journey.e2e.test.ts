import { spawn } from 'node:child_process';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from '../../src/shared/infrastructure/db/embedded-postgres.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';
import { apiClient } from './api.ts';

const baseUrl = inject('baseUrl');
const owner = inject('owner');
const dataDir = inject('dataDir');
const SLUG = 'hip-hop';

/**
 * Small exams on the demo track, through a new settings version in this test's own database:
 * one diagnostic question per module, four-question exams, one weak module with one remedial
 * article, every stage approved by hand.
 */
const SMALL_SETTINGS = {
  diagnostic: { questionsPerModule: 1 },
  adaptivity: { weakModules: 1 },
  content: { extraArticlesPerWeakModule: 1, minitestPassPercent: 60 },
  levelExam: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 1,
    passPercent: 75,
    timeLimitMinutes: 30,
    cooldownMinutes: 0,
    revealCorrectAnswers: false,
  },
  rankFinal: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 1,
    passPercent: 75,
    timeLimitMinutes: 30,
    cooldownMinutes: 60,
    revealCorrectAnswers: false,
  },
  approval: { required: true },
};

let browser: Browser;
let pool: pg.Pool;

/** `baza seed demo`, as an operator runs it beside the running server (it reuses its PostgreSQL). */
function seedDemo(): Promise<void> {
  // Vitest sets BASE_URL to Vite's "/" in test workers: the server's own value is used instead.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/baza.js', 'seed', 'demo'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`baza seed demo: ${code}\n${stderr}`))));
  });
}

const api = apiClient(baseUrl);

async function lowerDemoSettings(): Promise<void> {
  const { accessToken } = (await api(null, 'POST', '/auth/login', owner)) as { accessToken: string };
  const track = (await api(null, 'GET', `/tracks/${SLUG}`)) as { id: string };
  const created = (await api(accessToken, 'POST', `/admin/tracks/${track.id}/settings-versions`, {
    params: SMALL_SETTINGS,
    note: 'Browser test: small exams',
  })) as { version: number };
  await api(accessToken, 'POST', `/admin/tracks/${track.id}/settings-versions/${created.version}/activate`);
}

beforeAll(async () => {
  const database = await startEmbeddedPostgres({
    dataDir,
    port: 0,
    logger: createLogger({ level: 'silent', format: 'ecs' }),
  });
  pool = new pg.Pool({ connectionString: database.connectionString(EMBEDDED_DATABASE), max: 2 });
  await seedDemo();
  await lowerDemoSettings();
  browser = await launchBrowser();
}, 150_000);
afterAll(async () => {
  await browser?.close();
  await pool?.end();
});

/** The correct options of the question, as texts (the test plays a student who knows them). */
async function correctOptionTexts(questionId: string): Promise<Set<string>> {
  const { rows } = await pool.query<{ options: string[]; correct: number[] }>(
    'select options, correct from questions where id = $1',
    [questionId],
  );
  const row = rows[0];
  if (!row) throw new Error(`question ${questionId} is not in the database`);
  return new Set(row.correct.map((index) => row.options[index]!));
}

/**
 * Answers every question of the attempt on the page (each saved by htmx as it is chosen), the
 * first one wrong when asked to, then finishes and returns on the result page.
 */
async function answerAndFinish(page: Page, options: { firstWrong?: boolean } = {}): Promise<void> {
  await page.locator('#attempt-form').waitFor();
  const questions = page.locator('fieldset[data-question]');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const question = questions.nth(index);
    const id = (await question.getAttribute('data-question'))!;
    const correct = await correctOptionTexts(id);
    const inputs = question.locator('input.form-check-input');
    const wrong = index === 0 && options.firstWrong === true;
    let chosen = 0;
    for (let option = 0; option < (await inputs.count()); option += 1) {
      const label = (await question.locator(`label[for="q-${id}-${option}"]`).innerText()).trim();
      if (correct.has(label) !== wrong) {
        await inputs.nth(option).check();
        chosen += 1;
        if (wrong) break;
      }
    }
    expect(chosen, `question ${id}`).toBeGreaterThan(0);
    // Autosave: the question's status line says it was saved.
    await expect.poll(async () => (await question.locator('.autosave-status').innerText()).trim()).not.toBe('');
  }
  await page.locator('#finish-button').click();
  await page.locator('#outcome-title').waitFor();
}

/** What the "your next step" box offers: a form to post, a link, or nothing (waiting). */
async function nextStep(page: Page): Promise<{ form: string | null; link: string | null; text: string }> {
  await page.goto(`${baseUrl}/learn/${SLUG}`);
  const box = page.locator('section[aria-labelledby="next-title"]');
  const form = box.locator('form');
  const link = box.locator('a.btn');
  return {
    form: (await form.count()) > 0 ? await form.first().getAttribute('action') : null,
    link: (await link.count()) > 0 ? await link.first().getAttribute('href') : null,
    text: await box.innerText(),
  };
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/profile$/);
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

describe('the learning journey in a real browser', () => {
  it('a student goes from registration to a verified certificate on a demo track while an admin approves each stage', async () => {
    const student = {
      email: `dancer-${Date.now()}@e2e.test`,
      name: 'Journey Dancer',
      password: 'popping and locking all night',
    };
    const { page, errors, close } = await openPage(browser, { locale: 'en-US' });
    const admin = await openPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    admin.page.setDefaultTimeout(15_000);
    const steps: string[] = [];
    try {
      // Registration, confirmed from the development mailbox.
      await page.goto(`${baseUrl}/register`);
      await page.getByLabel('Email').fill(student.email);
      await page.getByLabel('Name').fill(student.name);
      await page.getByLabel('Password', { exact: true }).fill(student.password);
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      await page.goto(await verificationLink(page, student.email));
      await page.getByRole('button', { name: 'Confirm my email' }).click();
      await page.waitForURL(/\/login/);
      await signIn(page, student.email, student.password);

      // Enrollment from the catalog's track page.
      await page.goto(`${baseUrl}/tracks/${SLUG}`);
      await page.locator(`form[action="/learn/${SLUG}/enroll"] button[type="submit"]`).click();
      await page.waitForURL(`${baseUrl}/learn/${SLUG}`);
      await expectAccessible(page);

      await signIn(admin.page, owner.email, owner.password);

      let graduated: string | null = null;
      for (let step = 0; step < 60 && !graduated; step += 1) {
        const next = await nextStep(page);
        if (next.form?.endsWith('/diagnostic')) {
          steps.push('diagnostic');
          await page.locator('section[aria-labelledby="next-title"] form button').click();
          await page.waitForURL(/\/learn\/attempts\//);
          await expectAccessible(page);
          await answerAndFinish(page, { firstWrong: true });
          await expectAccessible(page);
          // Mastery is seeded and the first stage's articles are assigned, each with its reason.
          await page.goto(`${baseUrl}/learn/${SLUG}`);
          expect(await page.locator('main').innerText()).toContain('Why am I seeing this?');
          await expectAccessible(page);
        } else if (next.form?.includes('/level-exam') || next.form?.endsWith('/rank-final')) {
          const kind = next.form.endsWith('/rank-final') ? 'rank final' : `level exam ${next.form.split('/').at(-2)}`;
          steps.push(kind);
          await page.locator('section[aria-labelledby="next-title"] form button').click();
          await page.waitForURL(/\/learn\/attempts\//);
          if (kind === 'level exam 1') await expectAccessible(page); // with its countdown
          await answerAndFinish(page);
          expect(await page.locator('#outcome-title').innerText()).toContain('Passed');
          if (kind === 'level exam 1') await expectAccessible(page);
        } else if (next.link?.startsWith('/learn/articles/')) {
          steps.push('article');
          await page.goto(`${baseUrl}${next.link}`);
          const start = page.locator(`form[action="${next.link}/minitest"] button`);
          if ((await start.count()) > 0) {
            if (steps.filter((name) => name === 'article').length === 1) await expectAccessible(page);
            await start.click();
            await page.waitForURL(/\/learn\/attempts\//);
            await answerAndFinish(page);
          }
        } else if (next.link?.startsWith('/certificates/')) {
          graduated = next.link;
        } else if (next.text.includes('a teacher is reviewing your result')) {
          steps.push('approval');
          await approveAsAdmin(admin.page, student.name, steps.filter((name) => name === 'approval').length === 1);
        } else {
          throw new Error(`unexpected next step: ${JSON.stringify(next)}`);
        }
      }

      // The path taken: diagnostic, then per stage articles + exam + approval, the final + approval.
      const path = steps.filter((name) => name !== 'article').join(', ');
      expect(path).toBe(
        'diagnostic, level exam 1, approval, level exam 2, approval, level exam 3, approval, rank final, approval',
      );
      expect(steps.filter((name) => name === 'article').length).toBeGreaterThanOrEqual(12);
      expect(graduated).toMatch(/^\/certificates\/[\w-]{16,}$/);

      // The dashboard shows the graduation; a guest verifies the certificate.
      await page.goto(`${baseUrl}/learn`);
      expect(await page.locator('main').innerText()).toContain('Graduated');
      await expectAccessible(page);
      const guest = await openPage(browser, { locale: 'en-US' });
      try {
        const response = await guest.page.goto(`${baseUrl}${graduated}`);
        expect(response?.status()).toBe(200);
        const text = await guest.page.locator('main').innerText();
        expect(text).toContain(student.name);
        expect(text).toContain('Хип-хоп');
        await expectAccessible(guest.page);
        const forged = await guest.page.goto(`${baseUrl}/certificates/not-a-real-certificate-code`);
        expect(forged?.status()).toBe(404);
      } finally {
        await guest.close();
      }

      // The outbox mailed the admins each request and the student each decision and the graduation.
      await expect
        .poll(() => mailSubjects(admin.page, owner.email), { timeout: 30_000 })
        .toEqual(expect.arrayContaining([`${student.name} awaits approval: Хип-хоп`]));
      await expect
        .poll(() => mailSubjects(admin.page, student.email), { timeout: 30_000 })
        .toEqual(expect.arrayContaining(['Promotion approved: Хип-хоп', 'Congratulations on graduating: Хип-хоп']));

      expect(errors).toEqual([]);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
      await close();
    }
  }, 240_000);
});

/** Subjects of the development mailbox's latest messages to `email`. */
async function mailSubjects(page: Page, email: string): Promise<string[]> {
  await page.goto(`${baseUrl}/dev/mail`);
  const rows = page.locator('tbody tr', { hasText: email });
  const subjects: string[] = [];
  for (let index = 0; index < (await rows.count()); index += 1)
    subjects.push((await rows.nth(index).locator('td').nth(2).innerText()).trim());
  return subjects;
}

/** The admin finds the student's request in the queue, reads the dossier and approves it. */
async function approveAsAdmin(page: Page, studentName: string, checkAccessibility: boolean): Promise<void> {
  await page.goto(`${baseUrl}/admin/approvals?status=pending`);
  const row = page.locator('tr', { hasText: studentName });
  await expect.poll(() => row.count()).toBe(1);
  if (checkAccessibility) await expectAccessible(page);
  await row.locator('a[href^="/admin/approvals/"]').first().click();
  await page.waitForURL(/\/admin\/approvals\/[0-9a-f-]{36}$/);
  const dossier = await page.locator('main').innerText();
  expect(dossier).toContain(studentName);
  if (checkAccessibility) await expectAccessible(page);
  const approve = page.locator('form[action$="/approve"]');
  await approve.locator('textarea').fill('Clean grooves — go on.');
  await approve.locator('button[type="submit"]').click();
  await page.waitForLoadState();
  await expect.poll(async () => (await page.textContent('#flash-region')) ?? '').not.toBe('');
}
