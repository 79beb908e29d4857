import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageBrowser, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock } from '../support/clock.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import type { Staff } from '../support/staff.ts';
import { buildDataset } from './dataset.ts';

const clock = createTestClock();
let test: TestApp;
let staff: Staff;
let admin: PageBrowser;
let owner: PageBrowser;
let moderator: PageBrowser;
let student: PageBrowser;
let track: LearningTrack;
let q: Awaited<ReturnType<typeof buildDataset>>;

beforeAll(async () => {
  test = await createTestApp({ clock, env: { RATE_LIMIT_MAX: '5000' } });
  ({ staff, admin, owner, moderator, student } = await staffBrowsers(test));
  track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 2, perTier: 2, untiered: 1 });
  const users = [];
  for (const name of ['p1', 'p2', 'p3']) users.push(await registeredUser(test, `${name}@school.test`));
  q = await buildDataset(
    test.container.db,
    track,
    {
      s1: users[0]!.userId,
      s2: users[1]!.userId,
      s3: users[2]!.userId,
      s4: staff.student.userId,
      admin: staff.admin.userId,
    },
    clock.now(),
  );
});
afterAll(() => test?.close());

const trackPage = () => `/admin/analytics/tracks/${track.id}`;
const questionsPage = (query = '') => `/admin/analytics/questions?trackId=${track.id}${query}`;

/** The SVG charts of a page: each an image with a title, a description and a data table. */
function charts(html: string) {
  return [...html.matchAll(/<svg[^>]*data-chart="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)].map((match) => {
    const [whole = '', id = '', inner = ''] = match;
    return {
      id,
      role: /role="img"/.test(whole),
      title: /<title id="[^"]+">([^<]+)<\/title>/.exec(inner)?.[1],
      describedBy: /aria-describedby="([^"]+)"/.exec(whole)?.[1],
      bars: (inner.match(/<rect [^>]*><title>/g) ?? []).length,
    };
  });
}

describe('the analytics pages', () => {
  it('send guests to the login page and answer students with the 403 page', async () => {
    for (const url of ['/admin/analytics', trackPage(), questionsPage()]) {
      const guest = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(guest.statusCode, url).toBe(303);
      expect(guest.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
      const refused = await student.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('let moderators see question statistics but not track analytics', async () => {
    const picker = await moderator.get('/admin/analytics');
    expect(picker.statusCode).toBe(200);
    expect(picker.body).toContain(`/admin/analytics/questions?trackId=${track.id}`);
    expect(picker.body).not.toContain(`href="${trackPage()}"`);
    expect((await moderator.get(trackPage())).statusCode).toBe(403);
    expect((await moderator.get(questionsPage())).statusCode).toBe(200);
  });

  it('list the tracks with links to their reports', async () => {
    const page = await admin.get('/admin/analytics');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="${trackPage()}"`);
    expect(textOf(page.body)).toContain(`Track ${track.slug}`);
    expectWellLinked(page.body);
  });

  it('draw the track charts as accessible SVG with data tables', async () => {
    const page = await admin.get(trackPage());
    expect(page.statusCode, page.body).toBe(200);
    expectWellLinked(page.body);
    const drawn = charts(page.body);
    expect(drawn.map((chart) => chart.id)).toEqual(['students', 'pass-rate', 'attempts', 'approval-latency']);
    for (const chart of drawn) {
      expect(chart.role, chart.id).toBe(true);
      expect(chart.title, chart.id).toBeTruthy();
      expect(page.body).toContain(`<table id="${chart.describedBy}"`);
    }
    // Students: diagnostic 1; stage 1 pending 1 + completed 2; stage 2 active 1 + completed 1; graduated 1.
    expect(drawn[0]?.bars).toBe(6);
    const text = textOf(page.body);
    expect(text).toContain('Stage 1: Stage 1 — Awaiting approval: 1');
    expect(text).toContain('Stage 1: Stage 1 — Completed: 2');
    // Pass rates 60 %, 50 %, 100 %; mean attempts 1.67, 2, 1; waits 3 h, 3 h 15 min, oldest 3 h.
    expect(text).toContain('Stage 1: Stage 1 — 60%');
    expect(text).toContain('Rank final — 100%');
    expect(text).toContain('Stage 1: Stage 1 — 1.67');
    expect(text).toContain('Mean wait — 3 h 15 min');
    expect(text).toContain('Oldest pending — 3 h 0 min');
  });

  it('show the question statistics with flags, option bars and sortable columns', async () => {
    const page = await admin.get(questionsPage());
    expect(page.statusCode, page.body).toBe(200);
    expectWellLinked(page.body);
    const row = (id: string) => new RegExp(`<tr data-question-id="${id}">([\\s\\S]*?)</tr>`).exec(page.body)?.[1] ?? '';
    expect(textOf(row(q.q1))).toContain('too easy');
    expect(row(q.q1)).toContain('How often each option was chosen — 1: 5, 2: 0, 3: 0');
    expect(textOf(row(q.q2))).toContain('poorly discriminating');
    expect(textOf(row(q.q2))).toContain('-0.67');
    // Sorted by flags first: the two flagged questions lead.
    const order = [...page.body.matchAll(/<tr data-question-id="([^"]+)"/g)].map((match) => match[1]);
    expect(order.slice(0, 2).sort()).toEqual([q.q1, q.q2].sort());
    expect(page.body).toContain(`href="/admin/analytics/questions?trackId=${track.id}&amp;sort=pValue"`);
    const sorted = await admin.get(questionsPage('&sort=discrimination&order=desc'));
    const first = /<tr data-question-id="([^"]+)"/.exec(sorted.body)?.[1];
    expect(first).toBe(q.q3);
  });

  it('apply the threshold form and show bad thresholds next to their fields', async () => {
    const strict = await admin.get(questionsPage('&minP=0.65&flagged=true'));
    expect(strict.statusCode).toBe(200);
    // p below 0.65: Q2, Q3, Q4 (0.6, 0.4) and Q6 (1/3); Q1 is too easy.
    expect(textOf(strict.body)).toContain('Questions: 5.');
    const bad = await admin.get(questionsPage('&minP=2&maxP=abc'));
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="threshold-minP-error"');
    expect(bad.body).toContain('id="threshold-maxP-error"');
    expect(textOf(bad.body)).toContain('Allowed from 0 to 1.');
    expectWellLinked(bad.body);
  });

  it('speak Russian to an admin who chose it', async () => {
    const chosen = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: owner.auth,
      payload: { locale: 'ru' },
    });
    expect(chosen.statusCode).toBe(200);
    const page = await owner.get(trackPage());
    expect(page.body).toContain('<html lang="ru"');
    expect(textOf(page.body)).toContain('Ученики по этапам и статусам');
    expect(textOf(page.body)).toContain('Среднее ожидание — 3 ч 15 мин');
    const questions = await owner.get(questionsPage());
    expect(textOf(questions.body)).toContain('слишком лёгкий');
  });
});
