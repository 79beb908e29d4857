import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageBrowser, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import type { Staff } from '../support/staff.ts';
import { journeyOf, requestOf } from './journey.ts';

describe('the staff’s approval and enrollment pages', () => {
  let test: TestApp;
  let staff: Staff;
  let admin: PageBrowser;
  let owner: PageBrowser;
  let moderator: PageBrowser;
  let student: PageBrowser;
  let track: LearningTrack;
  let requestId: string;
  let attemptId: string;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '50000' } });
    ({ staff, admin, owner, moderator, student } = await staffBrowsers(test));
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
    attemptId = await journeyOf(test, { id: staff.student.userId, role: 'student' }, track).toFirstRequest();
    requestId = (await requestOf(test, staff.student.auth, track.id)).id;
  });
  afterAll(async () => test?.close());

  const dossierUrl = () => `/admin/approvals/${requestId}`;

  it('send guests to the login page and answer students and moderators with the 403 page', async () => {
    const pages = ['/admin/approvals', dossierUrl(), '/admin/enrollments'];
    for (const url of pages) {
      const guest = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(guest.statusCode, url).toBe(303);
      expect(guest.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
      for (const browser of [student, moderator]) {
        const response = await browser.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
      }
    }
    const posts: [string, Record<string, string>][] = [
      [`${dossierUrl()}/approve`, {}],
      [`${dossierUrl()}/reject`, { comment: 'No.' }],
      [`/admin/attempts/${attemptId}/annul`, { reason: 'No.', requestId }],
      [`/admin/enrollments/${requestId}/extra-time`, { extraTimePercent: '10' }],
    ];
    for (const browser of [student, moderator]) {
      await browser.get('/');
      for (const [url, form] of posts) expect((await browser.post(url, form)).statusCode, url).toBe(403);
    }
    const dossier = await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.admin.auth });
    expect(dossier.json().request.status).toBe('pending');
  });

  it('list the queue with the student, track, stage, score and waiting time, filtered', async () => {
    const page = await admin.get('/admin/approvals');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Requests found: 1');
    expect(text).toContain('student@school.test');
    expect(text).toContain(`Track ${track.slug}`);
    expect(text).toContain('Stage 1: Stage 1');
    expect(text).toContain('100%');
    expect(text).toMatch(/\d+ min/);
    expect(page.body).toContain(`href="/admin/approvals/${requestId}"`);
    expectWellLinked(page.body);
    const approvedOnly = await admin.get('/admin/approvals?status=approved');
    expect(textOf(approvedOnly.body)).toContain('No requests.');
    const otherTrack = await createLearningTrack(test, staff.owner.userId, { stages: 1, modules: 2 });
    const byTrack = await admin.get(`/admin/approvals?trackId=${otherTrack.id}`);
    expect(textOf(byTrack.body)).toContain('No requests.');
    expect(byTrack.body).toContain(`<option value="${otherTrack.id}" selected`);
  });

  it('show the dossier: attempts with their breakdown, mastery bars, articles, and the decision forms', async () => {
    const page = await admin.get(dossierUrl());
    expect(page.statusCode).toBe(200);
    expectWellLinked(page.body);
    const text = textOf(page.body);
    expect(text).toContain('Move to the next stage');
    expect(text).toContain('Level exams of this stage');
    expect(page.body).toContain(`id="attempt-${attemptId}"`);
    expect(text).toMatch(/Module 1: \d+\/\d+/);
    expect([...page.body.matchAll(/<progress [^>]*aria-labelledby="mastery-/g)]).toHaveLength(3);
    expect(text).toMatch(/Articles: (\d+) of \1 done/);
    expect(text).toContain(`stage 1 core 1`);
    expect(page.body).toContain(`action="${dossierUrl()}/approve"`);
    expect(page.body).toContain(`action="${dossierUrl()}/reject"`);
    expect(page.body).toContain(`action="/admin/attempts/${attemptId}/annul"`);
    expect(page.body).toContain('name="_csrf"');
  });

  it('refuse a rejection without a comment next to its field, and forms without the CSRF token', async () => {
    await admin.get(dossierUrl());
    const blank = await admin.post(`${dossierUrl()}/reject`, { comment: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain('id="reject-comment-error"');
    expect(blank.body).toMatch(
      /id="reject-comment"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="reject-comment"/,
    );
    expect(textOf(blank.body)).toContain('Write a comment for the student.');
    expectWellLinked(blank.body);
    const forged = await admin.post(`${dossierUrl()}/approve`, {}, { csrf: false });
    expect(forged.statusCode).toBe(403);
    const dossier = await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.admin.auth });
    expect(dossier.json().request.status).toBe('pending');
  });

  it('approve with a comment, then tell a late second decision it was already decided', async () => {
    await admin.get(dossierUrl());
    const approved = await admin.post(`${dossierUrl()}/approve`, { comment: 'Well done <3' });
    expect(approved.statusCode, approved.body).toBe(303);
    expect(approved.headers.location).toBe(dossierUrl());
    const after = await admin.follow(approved);
    const text = textOf(after.body);
    expect(text).toContain('The request is approved.');
    expect(text).toContain('Approved');
    expect(after.body).toContain('Well done &lt;3');
    expect(after.body).not.toContain(`action="${dossierUrl()}/approve"`);

    const late = await owner.post(`${dossierUrl()}/reject`, { comment: 'Too late' });
    expect(late.statusCode).toBe(303);
    expect(textOf((await owner.follow(late)).body)).toContain('This request was already decided');

    // Its attempt cannot be annulled any more: the error stands next to the reason.
    const annul = await admin.post(`/admin/attempts/${attemptId}/annul`, { reason: 'Network trouble.', requestId });
    expect(annul.statusCode).toBe(409);
    expect(annul.body).toContain(`id="annul-reason-${attemptId}-error"`);
    expect(textOf(annul.body)).toContain('already approved');
  });

  it('annul a pending request’s attempt from the dossier: the request is rejected with the reason', async () => {
    const other = await registeredUser(test, 'second@school.test');
    const otherAttempt = await journeyOf(test, { id: other.userId, role: 'student' }, track).toFirstRequest();
    const otherRequest = (await requestOf(test, other.auth, track.id)).id;
    await admin.get(`/admin/approvals/${otherRequest}`);
    const blank = await admin.post(`/admin/attempts/${otherAttempt}/annul`, { reason: ' ', requestId: otherRequest });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain(`id="annul-reason-${otherAttempt}-error"`);
    const annulled = await admin.post(`/admin/attempts/${otherAttempt}/annul`, {
      reason: 'The exam page froze.',
      requestId: otherRequest,
    });
    expect(annulled.statusCode, annulled.body).toBe(303);
    const page = await admin.follow(annulled);
    const text = textOf(page.body);
    expect(text).toContain('The attempt is annulled.');
    expect(text).toContain('Rejected');
    expect(text).toContain('Annulled: The exam page froze.');
  });

  it('list enrollments and set a student’s extra time, with errors next to the row’s field', async () => {
    const page = await owner.get(`/admin/enrollments?trackId=${track.id}`);
    expect(page.statusCode).toBe(200);
    expectWellLinked(page.body);
    expect(textOf(page.body)).toContain('Enrollments found: 2');
    const { items } = await test.container.modules.progress.useCases.listForStaff(
      { id: staff.owner.userId, role: 'owner' },
      { q: 'student@school.test', limit: 10, offset: 0 },
    );
    const enrollment = items.find((item) => item.track.id === track.id)!;
    expect(page.body).toContain(`id="enrollment-${enrollment.id}"`);

    const url = `/admin/enrollments/${enrollment.id}/extra-time`;
    const back = { backTrackId: track.id, backPage: '1' };
    const notANumber = await owner.post(url, { extraTimePercent: 'lots', ...back });
    expect(notANumber.statusCode).toBe(422);
    expect(notANumber.body).toContain(`id="extra-time-${enrollment.id}-error"`);
    expect(textOf(notANumber.body)).toContain('Enter a whole number from 0 to 200.');
    const tooMuch = await owner.post(url, { extraTimePercent: '250', ...back });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.body).toContain(`id="extra-time-${enrollment.id}-error"`);

    const saved = await owner.post(url, { extraTimePercent: '50', ...back });
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/admin/enrollments?trackId=${track.id}#enrollment-${enrollment.id}`);
    const after = await owner.follow(saved);
    expect(textOf(after.body)).toContain('The extra time is saved.');
    expect(after.body).toMatch(
      new RegExp(`id="extra-time-${enrollment.id}"[^>]*value="50"|value="50"[^>]*id="extra-time-${enrollment.id}"`),
    );
    const dossier = await test.app.inject({ url: `/api/v1/admin/approvals/${requestId}`, headers: staff.admin.auth });
    expect(dossier.json().enrollment.extraTimePercent).toBe(50);
  });

  it('render in Russian for a Russian admin', async () => {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: staff.admin.auth,
      payload: { locale: 'ru' },
    });
    expect(response.statusCode).toBe(200);
    const page = await admin.get(dossierUrl());
    expect(textOf(page.body)).toContain('Освоение по модулям');
    const queue = await admin.get('/admin/approvals');
    expect(textOf(queue.body)).toContain('Подтверждения');
  });
});
