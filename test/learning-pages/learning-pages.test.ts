import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmxHeaders } from '../content-pages/support.ts';
import { englishStudent, PageBrowser, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { STRONG_PASSWORD } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';

/** The attempt id a start redirected to. */
function attemptIdOf(location: unknown): string {
  const id = /^\/learn\/attempts\/([\da-f-]{36})$/.exec(String(location))?.[1];
  expect(id, String(location)).toBeDefined();
  return id!;
}

/** An htmx POST as the page's script sends it: the form fields, the CSRF token in a header. */
async function htmxPost(browser: PageBrowser, url: string, payload: string) {
  const page = await browser.get('/');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return browser.app.inject({
    method: 'POST',
    url,
    headers: {
      ...htmxHeaders(browser),
      'x-csrf-token': token,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload,
  });
}

/** The question ids of an attempt page, in page order. */
function questionIdsOf(html: string): string[] {
  return [...html.matchAll(/data-question="([\da-f-]{36})"/g)].map((match) => match[1]!);
}

describe('the student pages', () => {
  let test: TestApp;
  let student: PageBrowser;
  let other: PageBrowser;
  let track: LearningTrack;
  let diagnosticId: string;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    const browsers = await staffBrowsers(test);
    student = browsers.student;
    await englishStudent(test, 'other@school.test');
    other = await PageBrowser.signIn(test.app, 'other@school.test', { password: STRONG_PASSWORD });
    track = await createLearningTrack(test, browsers.staff.owner.userId, { stages: 2, modules: 3 });
  });
  afterAll(async () => test?.close());

  it('sends guests to the login page and comes back afterwards', async () => {
    const guest = new PageBrowser(test.app);
    for (const url of ['/learn', `/learn/${track.slug}`, `/learn/attempts/${randomUUID()}`]) {
      const response = await guest.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
    }
    const page = await guest.get(`/tracks/${track.slug}`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Sign in to enroll');
    expect(page.body).toContain(`href="/login?returnTo=${encodeURIComponent(`/tracks/${track.slug}`)}"`);
    // An autosave after the session ended says so in the question's status.
    const autosave = await htmxPost(guest, `/learn/attempts/${randomUUID()}/answers/${randomUUID()}`, '');
    expect(autosave.statusCode).toBe(401);
    expect(textOf(autosave.body)).toContain('Your session has ended: this answer was not saved.');
    const enroll = await guest.post(`/learn/${track.slug}/enroll`);
    expect(enroll.statusCode).toBe(303);
    expect(String(enroll.headers.location)).toMatch(/^\/login/);
  });

  it('shows an empty dashboard, enrolls from the track page, then shows the fresh enrollment', async () => {
    const empty = await student.get('/learn');
    expect(empty.statusCode).toBe(200);
    expect(textOf(empty.body)).toContain('You are not enrolled in any track yet');

    const trackPage = await student.get(`/tracks/${track.slug}`);
    expect(trackPage.body).toContain(`action="/learn/${track.slug}/enroll"`);
    expect(trackPage.body).toContain(`hx-get="/learn/${track.slug}/enrollment"`);
    const before = await test.app.inject({ url: `/learn/${track.slug}/enrollment`, headers: htmxHeaders(student) });
    expect(textOf(before.body)).toContain('Enroll');

    const enrolled = await student.post(`/learn/${track.slug}/enroll`);
    expect(enrolled.statusCode).toBe(303);
    expect(enrolled.headers.location).toBe(`/learn/${track.slug}`);
    const progress = await student.follow(enrolled);
    expect(progress.statusCode).toBe(200);
    const text = textOf(progress.body);
    expect(text).toContain('You are enrolled.');
    expect(text).toContain(`Track ${track.slug}`);
    expect(text).toContain('Stage 1: Stage 1');
    expect(text).toContain('Locked');
    expect(progress.body).toContain(`action="/learn/${track.slug}/diagnostic"`);
    expect(text).toContain('Take the diagnostic');
    expect(progress.body).toMatch(/<progress id="track-progress"[^>]*value="0"/);
    expectWellLinked(progress.body);

    const after = await test.app.inject({ url: `/learn/${track.slug}/enrollment`, headers: htmxHeaders(student) });
    expect(textOf(after.body)).toContain('Continue learning');
    const again = await student.post(`/learn/${track.slug}/enroll`);
    expect(textOf((await student.follow(again)).body)).toContain('You are already enrolled in this track.');

    const dashboard = await student.get('/learn');
    const board = textOf(dashboard.body);
    expect(board).toContain(`Track ${track.slug}`);
    expect(board).toContain('Diagnostic');
    expect(board).toContain('Progress (0 of 2 stages)');
    expect(dashboard.body).toContain(`action="/learn/${track.slug}/diagnostic"`);
    expect(dashboard.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="mastery-[\da-f-]{36}-title/);
    expectWellLinked(dashboard.body);
  });

  it('takes the diagnostic: autosave fragments, the no-JS save, a confirmation, then the result', async () => {
    const started = await student.post(`/learn/${track.slug}/diagnostic`);
    expect(started.statusCode, started.body).toBe(303);
    diagnosticId = attemptIdOf(started.headers.location);
    const page = await student.get(`/learn/attempts/${diagnosticId}`);
    expect(page.statusCode).toBe(200);
    const questions = questionIdsOf(page.body);
    expect(questions).toHaveLength(6);
    expectWellLinked(page.body);
    // Nothing about the correct options before the end: no explanation, no review marks.
    expect(page.body).not.toContain('Because m');
    expect(page.body).not.toContain('review-option-correct');
    expect(page.body).not.toContain('correct answer</span>');
    // A second start returns the same attempt.
    expect((await student.post(`/learn/${track.slug}/diagnostic`)).headers.location).toBe(
      `/learn/attempts/${diagnosticId}`,
    );

    const [first, ...rest] = questions as [string, ...string[]];
    const autosave = await htmxPost(student, `/learn/attempts/${diagnosticId}/answers/${first}`, `q-${first}=0`);
    expect(autosave.statusCode, autosave.body).toBe(200);
    expect(autosave.body).not.toContain('<html');
    expect(textOf(autosave.body)).toContain('Saved at');
    const invalid = await htmxPost(student, `/learn/attempts/${diagnosticId}/answers/${first}`, `q-${first}=7`);
    expect(invalid.statusCode).toBe(422);
    expect(textOf(invalid.body)).toContain('not valid');
    const resumed = await student.get(`/learn/attempts/${diagnosticId}`);
    expect(resumed.body).toMatch(new RegExp(`name="q-${first}" id="q-${first}-0" value="0" checked`));

    const bad = await student.post(`/learn/attempts/${diagnosticId}/answers`, { answers: '1', [`q-${first}`]: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(textOf(bad.body)).toContain('Some answers were not valid and were not saved.');

    // Without JavaScript: every answer at once (the last question left open).
    const form: Record<string, string> = { answers: '1', confirm: '' };
    form[`q-${first}`] = '0';
    rest.slice(0, -1).forEach((id, index) => {
      form[`q-${id}`] = index % 2 === 0 ? '0' : '1';
    });
    const saved = await student.post(`/learn/attempts/${diagnosticId}/answers`, form);
    expect(saved.statusCode, saved.body).toBe(303);
    const reloaded = await student.follow(saved);
    expect(textOf(reloaded.body)).toContain('Your answers are saved.');
    expect(reloaded.body.match(/ checked/g)).toHaveLength(5);

    const asked = await student.post(`/learn/attempts/${diagnosticId}/finish`, form);
    expect(asked.statusCode).toBe(200);
    expect(textOf(asked.body)).toContain('Unanswered questions: 1.');
    const finished = await student.post(`/learn/attempts/${diagnosticId}/finish`, { confirm: 'yes' });
    expect(finished.statusCode).toBe(303);
    const result = await student.follow(finished);
    expect(result.statusCode).toBe(200);
    const text = textOf(result.body);
    expect(text).toContain('Diagnostic, attempt 1: result');
    expect(text).toContain('Completed');
    expect(text).toContain('By module');
    for (const title of ['Module 1', 'Module 2', 'Module 3']) expect(text).toMatch(new RegExp(`${title} \\d of 2`));
    // The diagnostic's review shows the correct options and explanations.
    expect(text).toContain('correct answer');
    expect(text).toContain('Because m');
    expect(text).toContain('Not answered.');
    expectWellLinked(result.body);

    // A late autosave is refused with a clear message.
    const late = await htmxPost(student, `/learn/attempts/${diagnosticId}/answers/${first}`, `q-${first}=1`);
    expect(late.statusCode).toBe(409);
    expect(textOf(late.body)).toContain('already finished');
  });

  it('shows the progress page after the diagnostic: stage 1 active, the mastery chart, assignments with reasons', async () => {
    const page = await student.get(`/learn/${track.slug}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Active');
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(text).toContain('Mastery by module');
    expect(text).toContain('weak');
    expect(text).toContain('Why am I seeing this?');
    expect(text).toContain('It is a core article of this stage');
    expect(text).toMatch(/Your mastery of the module “Module \d” was \d+%/);
    expect(text).toContain('Study the next article');
    expect(text).toContain('Your diagnostic result');
  });

  it('refuses the level exam before the articles are done, with a flash on the progress page', async () => {
    const refused = await student.post(`/learn/${track.slug}/stages/1/level-exam`);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(`/learn/${track.slug}`);
    expect(textOf((await student.follow(refused)).body)).toContain('Finish every assigned article of the stage first');
  });

  it('opens an assigned article and passes its mini-test', async () => {
    const articleId = track.coreArticles.get(track.stages[0]!.id)![0]!;
    const article = await student.get(`/learn/articles/${articleId}`);
    expect(article.statusCode).toBe(200);
    const text = textOf(article.body);
    expect(text).toContain('Why am I seeing this?');
    expect(text).toContain('Questions: 2; pass mark 50%');
    expectWellLinked(article.body);
    const started = await student.post(`/learn/articles/${articleId}/minitest`);
    expect(started.statusCode, started.body).toBe(303);
    const minitestId = attemptIdOf(started.headers.location);
    const page = await student.get(`/learn/attempts/${minitestId}`);
    const form: Record<string, string> = { answers: '1', confirm: '' };
    for (const id of questionIdsOf(page.body)) form[`q-${id}`] = '0';
    const finished = await student.post(`/learn/attempts/${minitestId}/finish`, form);
    expect(finished.statusCode).toBe(303);
    const result = textOf((await student.follow(finished)).body);
    expect(result).toContain('Passed');
    expect(result).toContain('Back to the article');
    const done = await student.get(`/learn/articles/${articleId}`);
    expect(textOf(done.body)).toContain('Done');
  });

  it("gives another student a 404 for someone else's attempt and article", async () => {
    const page = await other.get(`/learn/attempts/${diagnosticId}`);
    expect(page.statusCode).toBe(404);
    const save = await htmxPost(other, `/learn/attempts/${diagnosticId}/answers/${randomUUID()}`, '');
    expect(save.statusCode).toBe(404);
    const articleId = track.coreArticles.get(track.stages[0]!.id)![0]!;
    expect((await other.get(`/learn/articles/${articleId}`)).statusCode).toBe(404);
    expect((await other.get(`/learn/articles/${randomUUID()}`)).statusCode).toBe(404);
    expect((await other.get('/learn/no-such-track')).statusCode).toBe(404);
    expect((await other.post('/learn/no-such-track/enroll')).statusCode).toBe(404);
    const notEnrolled = await other.get(`/learn/${track.slug}`);
    expect(notEnrolled.statusCode).toBe(303);
    expect(notEnrolled.headers.location).toBe(`/tracks/${track.slug}`);
  });

  it('speaks Russian to a Russian reader', async () => {
    const response = await test.app.inject({
      url: `/learn/${track.slug}`,
      headers: { ...htmxHeaders(student), 'hx-request': 'false', 'accept-language': 'ru' },
    });
    // The student saved English: their preference wins over the header.
    expect(textOf(response.body)).toContain('Mastery by module');
    const patched = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: student.auth,
      payload: { locale: 'ru' },
    });
    expect(patched.statusCode).toBe(200);
    const russian = textOf((await student.get(`/learn/${track.slug}`)).body);
    expect(russian).toContain('Освоение по модулям');
    expect(russian).toContain('Почему мне это назначено?');
    const dashboard = textOf((await student.get('/learn')).body);
    expect(dashboard).toContain('Моё обучение');
    await test.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: student.auth, payload: { locale: 'en' } });
  });

  it('verifies a certificate publicly; an unknown code is the 404 page', async () => {
    const now = new Date('2026-02-01T12:00:00Z');
    const enrollmentId = randomUUID();
    await test.container.db
      .insertInto('enrollments')
      .values({
        id: enrollmentId,
        userId: other.userId,
        trackId: track.id,
        status: 'graduated',
        enrolledAt: now,
        graduatedAt: now,
        updatedAt: now,
      })
      .execute();
    const code = 'Cert_code-0123456789abcdef';
    await test.container.db
      .insertInto('certificates')
      .values({
        code,
        enrollmentId,
        userId: other.userId,
        trackId: track.id,
        holderName: 'Ada Other',
        trackTitle: `Track ${track.slug}`,
        issuedAt: now,
      })
      .execute();
    const guest = new PageBrowser(test.app);
    const page = await guest.get(`/certificates/${code}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Ada Other');
    expect(text).toContain(`Track ${track.slug}`);
    expect(text).toContain('February 1, 2026');
    expect(text).toContain(code);
    const unknown = await guest.get('/certificates/no-such-code-0000000000');
    expect(unknown.statusCode).toBe(404);
    expect(textOf(unknown.body)).toContain('Page not found');
  });
});
