import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmxHeaders } from '../content-pages/support.ts';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, MINUTE } from '../support/clock.ts';
import { STRONG_PASSWORD } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';

const attemptIdOf = (location: unknown) => /^\/learn\/attempts\/([\da-f-]{36})$/.exec(String(location))?.[1] ?? '';
const questionIdsOf = (html: string) => [...html.matchAll(/data-question="([\da-f-]{36})"/g)].map((m) => m[1]!);

/** Answers every question of an attempt with the same option and finishes it, without JavaScript. */
async function answerAndFinish(browser: PageBrowser, attemptId: string, option: string) {
  const page = await browser.get(`/learn/attempts/${attemptId}`);
  const form: Record<string, string> = { answers: '1', confirm: 'yes' };
  for (const id of questionIdsOf(page.body)) form[`q-${id}`] = option;
  const finished = await browser.post(`/learn/attempts/${attemptId}/finish`, form);
  expect(finished.statusCode, finished.body).toBe(303);
  return browser.follow(finished);
}

describe('a timed level exam through the pages', () => {
  const clock = createTestClock();
  let test: TestApp;
  let student: PageBrowser;
  let track: LearningTrack;
  let ownerId: string;

  beforeAll(async () => {
    test = await createTestApp({ clock, env: { RATE_LIMIT_MAX: '5000' } });
    const browsers = await staffBrowsers(test);
    student = browsers.student;
    ownerId = browsers.staff.owner.userId;
    track = await createLearningTrack(test, browsers.staff.owner.userId, {
      stages: 2,
      modules: 2,
      settings: { levelExam: { ...SMALL_SETTINGS.levelExam, cooldownMinutes: 60, revealCorrectAnswers: false } },
    });
    await student.post(`/learn/${track.slug}/enroll`);
    const diagnostic = await student.post(`/learn/${track.slug}/diagnostic`);
    await answerAndFinish(student, attemptIdOf(diagnostic.headers.location), '0');
    // Every assignment of stage 1: open it, and pass its mini-test when it has one.
    const progress = await student.get(`/learn/${track.slug}`);
    const articles = [
      ...new Set([...progress.body.matchAll(/href="\/learn\/articles\/([\da-f-]{36})"/g)].map((m) => m[1]!)),
    ];
    expect(articles.length).toBeGreaterThan(0);
    for (const id of articles) {
      const article = await student.get(`/learn/articles/${id}`);
      if (article.body.includes(`action="/learn/articles/${id}/minitest"`)) {
        const started = await student.post(`/learn/articles/${id}/minitest`);
        await answerAndFinish(student, attemptIdOf(started.headers.location), '0');
      }
    }
  });
  afterAll(async () => test?.close());

  it('shows the countdown, hides the correct options, keeps a cooldown with its time, and refuses late answers', async () => {
    const ready = textOf((await student.get(`/learn/${track.slug}`)).body);
    expect(ready).toContain('Take the level exam of stage 1');
    const started = await student.post(`/learn/${track.slug}/stages/1/level-exam`);
    expect(started.statusCode, started.body).toBe(303);
    const examId = attemptIdOf(started.headers.location);
    const page = await student.get(`/learn/attempts/${examId}`);
    expect(page.body).toContain('data-remaining-ms="1800000"');
    const deadline = new Date(clock.now().getTime() + 30 * MINUTE).toISOString();
    expect(page.body).toContain(`<time datetime="${deadline}"`);
    expect(page.body).toContain('role="timer"');
    expect(page.body).not.toContain('Because m');
    expect(page.body).not.toContain('correct answer</span>');

    // All wrong: failed; the review says which were wrong, never which option was right.
    const result = await answerAndFinish(student, examId, '1');
    const text = textOf(result.body);
    expect(text).toContain('Failed');
    expect(text).toContain('Score: 0% (pass mark 50%)');
    expect(text).toContain('Incorrect');
    expect(text).toContain('only which answers were wrong is shown');
    expect(result.body).not.toContain('correct answer</span>');
    expect(text).not.toContain('Because m');
    expect(text).toContain('You can try again after');

    const refused = await student.post(`/learn/${track.slug}/stages/1/level-exam`);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(`/learn/${track.slug}`);
    const back = textOf((await student.follow(refused)).body);
    expect(back).toContain('Not yet: a new attempt is possible after the cooldown');
    expect(back).toContain('You can try again after');
    expect(back).toContain('Level exam #1');

    clock.advance(61 * MINUTE);
    const second = await student.post(`/learn/${track.slug}/stages/1/level-exam`);
    const secondId = attemptIdOf(second.headers.location);
    expect(secondId).not.toBe(examId);
    const secondPage = await student.get(`/learn/attempts/${secondId}`);
    const [first] = questionIdsOf(secondPage.body);

    clock.advance(31 * MINUTE);
    const token = /name="_csrf" value="([^"]+)"/.exec(secondPage.body)?.[1] ?? '';
    const late = await test.app.inject({
      method: 'POST',
      url: `/learn/attempts/${secondId}/answers/${first}`,
      headers: { ...htmxHeaders(student), 'x-csrf-token': token, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `q-${first}=0`,
    });
    expect(late.statusCode).toBe(409);
    expect(textOf(late.body)).toContain('Time is up: this answer was not saved.');
    // Coming back after the deadline shows the graded result.
    const graded = textOf((await student.get(`/learn/attempts/${secondId}`)).body);
    expect(graded).toContain('Level exam of stage 1, attempt 2: result');
    expect(graded).toContain('Failed');
  });

  it("waits for approval after a pass, and shows the reviewer's comment after a rejection", async () => {
    clock.advance(61 * MINUTE);
    // Hours have passed on the app's clock: a fresh session.
    student = await PageBrowser.signIn(test.app, 'student@school.test', { password: STRONG_PASSWORD });
    const started = await student.post(`/learn/${track.slug}/stages/1/level-exam`);
    const passedId = attemptIdOf(started.headers.location);
    const result = textOf((await answerAndFinish(student, passedId, '0')).body);
    expect(result).toContain('Passed');
    expect(result).toContain('a teacher is reviewing your result');
    const waiting = textOf((await student.get(`/learn/${track.slug}`)).body);
    expect(waiting).toContain('Pending approval');
    expect(waiting).toContain('a teacher is reviewing your result');

    const owner = { id: ownerId, role: 'owner' as const };
    const approvals = test.container.modules.approvals.useCases;
    const { items } = await approvals.list(owner, { status: 'pending', limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    await approvals.reject(owner, items[0]!.id, 'Redo the <b>joins</b>, please.', { ip: '127.0.0.1', requestId: 'r1' });
    const page = await student.get(`/learn/${track.slug}`);
    const rejected = textOf(page.body);
    expect(rejected).toContain('Your last result was not approved');
    expect(rejected).toContain('The reviewer wrote: Redo the <b>joins</b>, please.'.replace(/</g, '&lt;'));
    expect(page.body).not.toContain('<b>joins');
    expect(rejected).toContain('Annulled');
    expect(rejected).toContain('Take the level exam of stage 1');
    // The annulled attempt's own page says why.
    const annulledPage = await student.get(`/learn/attempts/${passedId}`);
    expect(textOf(annulledPage.body)).toContain('Why it was annulled: Redo the &lt;b>joins&lt;/b>, please.');
    expect(annulledPage.body).not.toContain('<b>joins');
  });
});
