import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOwner, type LoggedIn, login, STRONG_PASSWORD } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { type CapturedMail, startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { journeyOf, requestOf } from './journey.ts';

const BASE_URL = 'https://baza.school.test';

let server: TestSmtpServer;
let test: TestApp;
let owner: LoggedIn;
let admin: LoggedIn;
let student: LoggedIn;
let track: LearningTrack;

const to = (email: string) => (mail: CapturedMail) => mail.to === email;

async function deliverAll() {
  while ((await test.container.outboxRelay.deliverDue()) > 0) {
    /* keep delivering */
  }
}

async function patchUser(userId: string, payload: Record<string, string>) {
  const response = await test.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${userId}`,
    headers: owner.auth,
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Registered, verified through the link mailed over SMTP, given a role and a language. */
async function member(email: string, displayName: string, role: 'admin' | 'moderator' | undefined, locale: string) {
  const registered = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: STRONG_PASSWORD, displayName, locale },
  });
  expect(registered.statusCode).toBe(202);
  await deliverAll();
  const mail = await server.waitFor(to(email));
  const token = decodeURIComponent(/\/verify-email\?token=([\w%-]+)/.exec(mail.text)![1]!);
  const verified = await test.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  expect(verified.statusCode).toBe(204);
  const session = await login(test.app, email);
  if (role) await patchUser(session.userId, { role });
  return session;
}

beforeAll(async () => {
  server = await startTestSmtpServer();
  test = await createTestApp({ env: { SMTP_URL: server.url, BASE_URL, RATE_LIMIT_MAX: '50000' } });
  owner = await createOwner(test, 'owner@school.test'); // English
  admin = await member('admin.ru@school.test', 'Админ', 'admin', 'ru');
  await member('moderator@school.test', 'Moderator', 'moderator', 'en');
  const blocked = await member('blocked@school.test', 'Blocked Admin', 'admin', 'en');
  await patchUser(blocked.userId, { status: 'blocked' });
  student = await member('pupil@school.test', 'Pupil <b>One</b>', undefined, 'ru');
  track = await createLearningTrack(test, owner.userId, { stages: 1, modules: 2 });
  await deliverAll();
  server.messages.length = 0;
});
afterAll(async () => {
  await test?.close();
  await server?.close();
});

const post = (url: string, who: LoggedIn, payload: object = {}) =>
  test.app.inject({ method: 'POST', url, headers: who.auth, payload });

describe('the journey’s emails over SMTP', () => {
  it('tells admins and the owner of a new request, the student of each decision and of the graduation', async () => {
    const journey = journeyOf(test, { id: student.userId, role: 'student' }, track);
    await journey.toFirstRequest();
    const first = await requestOf(test, student.auth, track.id);
    await deliverAll();

    // The request: every active admin and the owner, each in their language; nobody else.
    const toAdmin = await server.waitFor(to('admin.ru@school.test'));
    const toOwner = await server.waitFor(to('owner@school.test'));
    expect(server.messages.map((mail) => mail.to).sort()).toEqual(['admin.ru@school.test', 'owner@school.test']);
    expect(toOwner.subject).toBe(`Pupil <b>One</b> awaits approval: ${'Track ' + track.slug}`);
    expect(toOwner.text).toContain(`${BASE_URL}/admin/approvals/${first.id}`);
    expect(toOwner.text).toContain('Stage: stage 1: Stage 1');
    expect(toOwner.text).toContain('Score: 100%');
    expect(toOwner.html).toContain('Pupil &lt;b>One&lt;/b>');
    expect(toOwner.html).not.toContain('<b>One</b>');
    expect(toAdmin.subject).toContain('ждёт подтверждения');
    expect(toAdmin.html).toContain(`href="${BASE_URL}/admin/approvals/${first.id}"`);

    // A redelivered event mails nobody twice.
    await test.container.db
      .updateTable('outbox')
      .set({ deliveredAt: null, nextAttemptAt: new Date(0) })
      .where('type', '=', 'approval.requested')
      .execute();
    await deliverAll();
    expect(server.messages).toHaveLength(2);

    // Rejected: the student, in Russian, with the comment escaped in the HTML part.
    server.messages.length = 0;
    const comment = 'Повторите <script>alert(1)</script> джойны\nи попробуйте снова.';
    expect((await post(`/api/v1/admin/approvals/${first.id}/reject`, admin, { comment })).statusCode).toBe(200);
    await deliverAll();
    const rejected = await server.waitFor(to('pupil@school.test'));
    expect(rejected.subject).toBe(`Переход не подтверждён: Track ${track.slug}`);
    expect(rejected.text).toContain(comment);
    expect(rejected.text).toContain(`${BASE_URL}/learn/${track.slug}`);
    expect(rejected.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(rejected.html).not.toContain('<script>');
    expect(server.messages).toHaveLength(1);

    // Approved after a retake.
    await journey.levelExam(1);
    const second = await requestOf(test, student.auth, track.id);
    await deliverAll();
    server.messages.length = 0;
    expect(
      (await post(`/api/v1/admin/approvals/${second.id}/approve`, owner, { comment: 'Отлично!' })).statusCode,
    ).toBe(200);
    await deliverAll();
    const approved = await server.waitFor(to('pupil@school.test'));
    expect(approved.subject).toBe(`Переход подтверждён: Track ${track.slug}`);
    expect(approved.text).toContain('Отлично!');

    // The rank final, approved: the decision and the certificate.
    await journey.rankFinal();
    const graduation = await requestOf(test, student.auth, track.id);
    await deliverAll();
    const finalRequest = await server.waitFor(
      (mail) => mail.to === 'owner@school.test' && mail.text.includes(graduation.id),
    );
    expect(finalRequest.text).toContain('Stage: rank final');
    server.messages.length = 0;
    expect((await post(`/api/v1/admin/approvals/${graduation.id}/approve`, admin)).statusCode).toBe(200);
    await deliverAll();
    const code = (await journey.progress()).certificateCode;
    expect(code).toBeTruthy();
    const certificate = await server.waitFor((mail) => mail.to === 'pupil@school.test' && mail.text.includes(code!));
    expect(certificate.subject).toBe(`Поздравляем с выпуском: Track ${track.slug}`);
    expect(certificate.text).toContain(`${BASE_URL}/certificates/${code}`);
    expect(certificate.html).toContain(`href="${BASE_URL}/certificates/${code}"`);
    expect(server.messages.filter(to('pupil@school.test'))).toHaveLength(2);
  });

  it('a mail server refusing one recipient retries only the ones not reached', async () => {
    const other = await member('second@school.test', 'Second Pupil', undefined, 'en');
    await deliverAll();
    server.messages.length = 0;
    const journey = journeyOf(test, { id: other.userId, role: 'student' }, track);
    await journey.toFirstRequest();
    // The owner is mailed first; the admin's message right after it is refused once (451).
    const ownerReached = server.waitFor((mail) => {
      if (mail.to !== 'owner@school.test') return false;
      server.failNext(1);
      return true;
    });
    await deliverAll();
    await ownerReached;
    expect(server.messages.map((mail) => mail.to)).toEqual(['owner@school.test']);
    const pending = await test.container.db
      .selectFrom('outbox')
      .select(['type', 'lastError'])
      .where('deliveredAt', 'is', null)
      .execute();
    expect(pending.map((event) => event.type)).toEqual(['approval.requested']);
    await test.container.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(0) })
      .where('deliveredAt', 'is', null)
      .execute();
    await deliverAll();
    expect(server.messages.map((mail) => mail.to)).toEqual(['owner@school.test', 'admin.ru@school.test']);
  });
});
