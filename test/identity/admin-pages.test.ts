import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOwner, type LoggedIn, register, STRONG_PASSWORD } from '../support/identity.ts';
import { englishStudent, PageBrowser, tableRows, textOf } from './page-browser.ts';

const ENV = { RATE_LIMIT_MAX: '5000' };

/** A registered user made admin by the owner through the JSON API. */
async function adminBy(test: TestApp, owner: LoggedIn, email: string) {
  const user = await englishStudent(test, email);
  const promoted = await test.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${user.userId}`,
    headers: owner.auth,
    payload: { role: 'admin' },
  });
  expect(promoted.statusCode, promoted.body).toBe(200);
  return user;
}

async function roleOf(test: TestApp, owner: LoggedIn, email: string) {
  const response = await test.app.inject({
    url: `/api/v1/admin/users?q=${encodeURIComponent(email)}`,
    headers: owner.auth,
  });
  return response.json<{ items: { role: string; status: string }[] }>().items[0];
}

describe('admin pages', () => {
  let test: TestApp;
  let owner: LoggedIn;
  let admin: PageBrowser;
  let studentId: string;
  beforeAll(async () => {
    test = await createTestApp({ env: ENV });
    owner = await createOwner(test);
    await adminBy(test, owner, 'admin@school.test');
    admin = await PageBrowser.signIn(test.app, 'admin@school.test');
    studentId = (await englishStudent(test, 'pupil@school.test')).userId;
  });
  afterAll(async () => test?.close());

  it('send a guest to the login page', async () => {
    for (const url of ['/admin/users', '/admin/audit']) {
      const response = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
    }
  });

  it('answer a student with the 403 page', async () => {
    await englishStudent(test, 'curious@school.test');
    const student = await PageBrowser.signIn(test.app, 'curious@school.test');
    for (const url of ['/admin/users', '/admin/audit']) {
      const response = await student.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('This needs another role.');
      expect(response.body).not.toContain('pupil@school.test');
    }
  });

  it('list users in a table, search them and filter by role and status', async () => {
    const page = await admin.get('/admin/users');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<caption>Users, newest first \(\d+ found\)<\/caption>/);
    expect(page.body).toContain('<th scope="col">Email</th>');
    expect(page.body).toMatch(/<a[^>]*href="\/admin\/users"[^>]*aria-current="page"/);
    const rows = tableRows(page.body);
    expect(rows.find((row) => row.startsWith('pupil@school.test'))).toMatch(/Student Active Off/);
    expect(rows.find((row) => row.startsWith('owner@school.test'))).toContain('Owner');
    expect(page.body).toContain(`href="/admin/audit?subjectId=${studentId}"`);
    // No forms for the owner's row or one's own.
    expect(page.body).toContain(`action="/admin/users/${studentId}/access"`);
    expect(page.body).not.toContain(`action="/admin/users/${owner.userId}/access"`);
    expect(page.body).not.toContain(`action="/admin/users/${admin.userId}/access"`);

    const searched = tableRows((await admin.get('/admin/users?q=PUPIL')).body);
    expect(searched).toHaveLength(1);
    expect(searched[0]).toContain('pupil@school.test');

    const admins = await admin.get('/admin/users?role=admin');
    expect(tableRows(admins.body).map((row) => row.split(' ')[0])).toEqual(['admin@school.test']);
    expect(admins.body).toMatch(/<option value="admin" selected/);

    await register(test.app, 'pending@school.test');
    const pending = tableRows((await admin.get('/admin/users?status=pending_verification')).body);
    expect(pending.map((row) => row.split(' ')[0])).toEqual(['pending@school.test']);
    expect((await admin.get('/admin/users?role=nonsense')).statusCode).toBe(200);
  });

  it('page through 20 users at a time, keeping the filters', async () => {
    for (let index = 0; index < 21; index += 1) await register(test.app, `bulk${index}@school.test`);
    const first = await admin.get('/admin/users?q=bulk&status=pending_verification');
    expect(first.body).toContain('(21 found)');
    expect(tableRows(first.body)).toHaveLength(20);
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/admin/users?q=bulk&amp;status=pending_verification&amp;page=2"');
    const second = await admin.get('/admin/users?q=bulk&status=pending_verification&page=2');
    expect(tableRows(second.body)).toHaveLength(1);
    expect(second.body).toContain('href="/admin/users?q=bulk&amp;status=pending_verification"');
    expect(second.body).toMatch(/rel="prev"/);
    expect(second.body).not.toMatch(/rel="next"/);
  });

  it('let an admin make a student a moderator, but not an admin', async () => {
    const list = '/admin/users?q=pupil';
    await admin.get(list);
    const moderator = await admin.post(`/admin/users/${studentId}/access`, { role: 'moderator', returnTo: list });
    expect(moderator.statusCode).toBe(303);
    expect(moderator.headers.location).toBe(list);
    const after = await admin.follow(moderator);
    expect(after.body).toContain('The role has been changed.');
    expect(tableRows(after.body)[0]).toContain('Moderator');

    const refused = await admin.post(`/admin/users/${studentId}/access`, { role: 'admin', returnTo: list });
    expect(refused.statusCode).toBe(303);
    const refusedPage = await admin.follow(refused);
    expect(refusedPage.body).toContain('alert-danger');
    expect(refusedPage.body).toContain('Only the owner grants, revokes or blocks admins.');
    expect(await roleOf(test, owner, 'pupil@school.test')).toMatchObject({ role: 'moderator' });

    const offSite = await admin.post(`/admin/users/${studentId}/access`, {
      role: 'student',
      returnTo: '//evil.test/x',
    });
    expect(offSite.headers.location).toBe('/');
  });

  it('let the owner grant admin', async () => {
    await englishStudent(test, 'deputy@school.test');
    const deputy = await roleOf(test, owner, 'deputy@school.test');
    expect(deputy).toMatchObject({ role: 'student' });
    const ownerWeb = await PageBrowser.signIn(test.app, 'owner@school.test');
    const page = await ownerWeb.get('/admin/users?q=deputy');
    const id = /action="\/admin\/users\/([\w-]+)\/access"/.exec(page.body)?.[1] ?? '';
    const granted = await ownerWeb.post(`/admin/users/${id}/access`, {
      role: 'admin',
      returnTo: '/admin/users?q=deputy',
    });
    const after = await ownerWeb.follow(granted);
    expect(after.body).toContain('The role has been changed.');
    expect(await roleOf(test, owner, 'deputy@school.test')).toMatchObject({ role: 'admin' });
  });

  it('block a student, whose session stops working, and unblock them', async () => {
    const victim = await englishStudent(test, 'rowdy@school.test');
    const victimWeb = await PageBrowser.signIn(test.app, 'rowdy@school.test');
    const list = '/admin/users?q=rowdy';
    await admin.get(list);
    const blocked = await admin.post(`/admin/users/${victim.userId}/access`, { status: 'blocked', returnTo: list });
    const after = await admin.follow(blocked);
    expect(after.body).toContain('The user has been blocked and their sessions ended.');
    expect(tableRows(after.body)[0]).toContain('Blocked');
    expect(after.body).toMatch(/<input type="hidden" name="status" value="active"/);

    expect((await test.app.inject({ url: '/api/v1/me', headers: victim.auth })).statusCode).toBe(401);
    const victimPage = await victimWeb.get('/profile');
    expect(victimPage.statusCode).toBe(303);
    expect(victimPage.headers.location).toMatch(/^\/login\?/);

    const unblocked = await admin.post(`/admin/users/${victim.userId}/access`, { status: 'active', returnTo: list });
    expect((await admin.follow(unblocked)).body).toContain('The user has been unblocked.');
    expect(await roleOf(test, owner, 'rowdy@school.test')).toMatchObject({ status: 'active' });
  });

  it('show the audit log with localized actions, and filter it by action, subject, actor and day', async () => {
    const page = await admin.get('/admin/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<caption>Events, newest first \(\d+ found\)<\/caption>/);
    const latest = tableRows(page.body);
    expect(latest).toHaveLength(20);
    expect(latest[0]).toMatch(/^\S.* UTC Status changed admin@school\.test rowdy@school\.test 127\.0\.0\.1 [\w-]{36} /);
    expect(latest[0]).toContain('from=blocked');
    expect(latest[0]).toContain('to=active');
    expect(page.body).toMatch(/<option value="user.role_changed">Role changed<\/option>/);

    const signIns = tableRows((await admin.get('/admin/audit?action=auth.login_succeeded')).body);
    expect(signIns.some((row) => row.includes('admin@school.test'))).toBe(true);
    expect(signIns.every((row) => row.includes('Sign-in'))).toBe(true);

    const roleChanges = tableRows((await admin.get('/admin/audit?action=user.role_changed')).body);
    expect(
      roleChanges.some(
        (row) => row.includes('pupil@school.test') && row.includes('from=student') && row.includes('to=moderator'),
      ),
    ).toBe(true);
    expect(roleChanges.every((row) => row.includes('Role changed'))).toBe(true);

    const aboutPupil = tableRows((await admin.get(`/admin/audit?subjectId=${studentId}`)).body);
    expect(aboutPupil.length).toBeGreaterThan(0);
    expect(aboutPupil.every((row) => row.includes('pupil@school.test'))).toBe(true);
    expect(aboutPupil.some((row) => row.includes('Registration'))).toBe(true);

    const byAdmin = tableRows((await admin.get(`/admin/audit?actorId=${admin.userId}&action=user.role_changed`)).body);
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((row) => row.includes('admin@school.test'))).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const todays = await admin.get(`/admin/audit?from=${today}&to=${today}&action=user.role_changed`);
    expect(tableRows(todays.body)).toEqual(roleChanges);
    const before = await admin.get(`/admin/audit?to=${yesterday}`);
    expect(before.body).toContain('(0 found)');

    const invalid = await admin.get('/admin/audit?actorId=nope&from=2026-13-45');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('The marked filters were not applied: correct them.');
    expect(invalid.body).toMatch(/<input[^>]*name="actorId"[^>]*value="nope"[^>]*aria-invalid="true"/);
    expect(textOf(invalid.body)).toContain('Enter a date as YYYY-MM-DD.');
  });
});

describe('admin pages when staff must use MFA', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { ...ENV, MFA_REQUIRED_FOR_STAFF: 'true' } });
  });
  afterAll(async () => test?.close());

  it('send an admin without MFA to its setup first, and let them in once it is on', async () => {
    const owner = await createOwner(test);
    const adminId = (await englishStudent(test, 'admin@school.test')).userId;
    await test.container.modules.identity.useCases.changeUserAccess({
      actorId: owner.userId,
      targetId: adminId,
      role: 'admin',
      origin: { ip: '127.0.0.1', requestId: 'test' },
      now: new Date(),
    });
    const admin = await PageBrowser.signIn(test.app, 'admin@school.test');

    for (const url of ['/admin/users', '/admin/audit', '/profile']) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe('/profile/mfa');
    }
    const mfa = await admin.get('/profile/mfa');
    expect(mfa.statusCode).toBe(200);
    expect(mfa.body).toContain('Admins must turn on two-factor sign-in before using any other page.');

    const setup = await admin.post('/profile/mfa/setup', { password: STRONG_PASSWORD });
    const secret = (/<code class="fs-5 user-select-all"[^>]*>([A-Z2-7 ]+)<\/code>/.exec(setup.body)?.[1] ?? '').replace(
      / /g,
      '',
    );
    const code = createTotp({ issuer: 'Baza' }).codeAt(secret, new Date());
    const confirmed = await admin.post('/profile/mfa/confirm', { code });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).not.toContain('Admins must turn on two-factor sign-in');

    expect((await admin.get('/admin/users')).statusCode).toBe(200);
  });
});
