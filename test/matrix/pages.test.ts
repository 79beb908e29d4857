/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies read in assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

let test: TestApp;
let staff: Staff;
let ids: {
  sheet: string;
  junior: string;
  senior: string;
  backend: string;
  empty: string;
  db: string;
  item: string;
  draft: string;
};

async function api(method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await test.app.inject({ method, url: `/api/v1${url}`, headers: staff.admin.auth, payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.body ? (JSON.parse(response.body) as { id: string }) : { id: '' };
}

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  const sheet = (await api('POST', '/admin/matrix/sheets', { slug: 'backend', title: 'Backend sheet' })).id;
  const junior = (await api('POST', `/admin/matrix/sheets/${sheet}/grades`, { slug: 'junior', title: 'Junior' })).id;
  const senior = (await api('POST', `/admin/matrix/sheets/${sheet}/grades`, { slug: 'senior', title: 'Senior' })).id;
  const backend = (await api('POST', `/admin/matrix/sheets/${sheet}/sections`, { title: 'Databases section' })).id;
  const empty = (await api('POST', `/admin/matrix/sheets/${sheet}/sections`, { title: 'Empty section' })).id;
  const db = (await api('POST', `/admin/matrix/sections/${backend}/subsections`, { title: 'Indexes' })).id;
  await api('POST', `/admin/matrix/sections/${empty}/subsections`, { title: 'Nothing here' });
  const item = (
    await api('POST', `/admin/matrix/subsections/${db}/items`, {
      question: 'What is a B-tree?',
      answer: 'A **balanced** tree. <img src=x onerror=alert(1)> [bad](javascript:alert(1))',
      gradeId: junior,
      resources: [{ title: 'PG docs', url: 'https://www.postgresql.org/docs/' }],
    })
  ).id;
  const draft = (
    await api('POST', `/admin/matrix/subsections/${db}/items`, {
      question: 'Secret draft',
      answer: 'x',
      gradeId: senior,
      status: 'draft',
    })
  ).id;
  ids = { sheet, junior, senior, backend, empty, db, item, draft };
});
afterAll(async () => {
  await test.close();
});

describe('public matrix pages', () => {
  it('lists published items grouped, hides empty sections and drafts, answers in <details>', async () => {
    const page = await new PageBrowser(test.app).get('/matrix');
    expect(page.statusCode).toBe(200);
    const results = page.body.slice(page.body.indexOf('id="matrix-results"'));
    const text = textOf(results);
    expect(text).toContain('Databases section');
    expect(text).toContain('What is a B-tree?');
    expect(text).not.toContain('Empty section');
    expect(text).not.toContain('Secret draft');
    expect(page.body).toContain('<details');
    expect(page.body).toContain(`hx-get="/matrix/items/${ids.item}/answer"`);
    expect(page.body).toContain('<strong>balanced</strong>');
    expect(page.body).not.toMatch(/<img|href="javascript/i);
  });

  it('filters by grade and text, and answers htmx with the results fragment', async () => {
    const guest = new PageBrowser(test.app);
    expect(textOf((await guest.get('/matrix?sheet=backend&grade=senior')).body)).toContain('Nothing found');
    expect(textOf((await guest.get('/matrix?sheet=backend&grade=junior&q=b-tree')).body)).toContain(
      'What is a B-tree?',
    );
    expect(textOf((await guest.get('/matrix?sheet=backend&q=zzz')).body)).toContain('Nothing found');
    const fragment = await test.app.inject({
      url: '/matrix?sheet=backend&q=balanced',
      headers: { 'hx-request': 'true', 'hx-target': 'matrix-results', 'accept-language': 'en' },
    });
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('id="matrix-results"');
    expect(fragment.body).toContain('What is a B-tree?');
    expect((await guest.get('/matrix?sheet=nope')).statusCode).toBe(404);
  });

  it('serves the answer fragment and the deep link; drafts are 404 for guests', async () => {
    const guest = new PageBrowser(test.app);
    const answer = await guest.get(`/matrix/items/${ids.item}/answer`);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('<html');
    expect(answer.body).toContain('rel="noopener noreferrer"');
    const page = await guest.get(`/matrix/items/${ids.item}`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Databases section');
    expect(textOf(page.body)).toContain('Junior');
    expect((await guest.get(`/matrix/items/${ids.draft}`)).statusCode).toBe(404);
    expect((await guest.get(`/matrix/items/${ids.draft}/answer`)).statusCode).toBe(404);
  });
});

describe('admin matrix pages', () => {
  it('sends guests to the login page and refuses students', async () => {
    const guest = await new PageBrowser(test.app).get('/admin/matrix');
    expect(guest.statusCode).toBe(303);
    const student = await PageBrowser.signIn(test.app, 'student@school.test');
    expect((await student.get('/admin/matrix')).statusCode).toBe(403);
  });

  it('lets a moderator create a sheet, add structure and items, move and delete', async () => {
    const moderator = await PageBrowser.signIn(test.app, 'moderator@school.test');
    expect((await moderator.get('/admin/matrix')).statusCode).toBe(200);
    const created = await moderator.post('/admin/matrix', { slug: 'frontend', title: 'Frontend' });
    expect(created.statusCode, created.body).toBe(303);
    const sheetPath = String(created.headers.location);
    const sheetId = sheetPath.split('/').pop()!;
    const bad = await moderator.post('/admin/matrix', { slug: 'Bad Slug', title: '' });
    expect(bad.statusCode).toBe(422);
    await moderator.follow(
      await moderator.post(`/admin/matrix/sheets/${sheetId}/grades`, { slug: 'junior', title: 'Junior' }),
    );
    await moderator.follow(await moderator.post(`/admin/matrix/sheets/${sheetId}/sections`, { title: 'CSS' }));
    const sheets = (await test.app.inject({ url: '/api/v1/matrix/sheets' })).json<{ sheets: any[] }>().sheets;
    const sheet = sheets.find((s) => s.id === sheetId);
    const section = sheet.sections[0].id as string;
    const grade = sheet.grades[0].id as string;
    await moderator.follow(await moderator.post(`/admin/matrix/sections/${section}/subsections`, { title: 'Layout' }));
    const sub = (await test.app.inject({ url: '/api/v1/matrix/sheets' }))
      .json<{ sheets: any[] }>()
      .sheets.find((s) => s.id === sheetId).sections[0].subsections[0].id as string;
    const badResource = await moderator.post(`/admin/matrix/subsections/${sub}/items`, {
      question: 'Q',
      answer: 'A',
      resources: 'Evil | javascript:alert(1)',
      gradeId: grade,
      status: 'published',
      moduleId: '',
    });
    expect(badResource.statusCode).toBe(422);
    for (const question of ['Flexbox?', 'Grid?']) {
      const added = await moderator.post(`/admin/matrix/subsections/${sub}/items`, {
        question,
        answer: 'Answer',
        resources: 'MDN | https://developer.mozilla.org',
        gradeId: grade,
        status: 'published',
        moduleId: '',
      });
      expect(added.statusCode, added.body).toBe(303);
    }
    const list = async () =>
      (await test.app.inject({ url: `/api/v1/admin/matrix/sheets/${sheetId}/items`, headers: staff.admin.auth })).json<{
        items: { id: string; question: string }[];
      }>().items;
    const [first, second] = await list();
    await moderator.follow(await moderator.post(`/admin/matrix/items/${second!.id}`, { direction: 'up' }));
    expect((await list()).map((i) => i.question)).toEqual(['Grid?', 'Flexbox?']);
    const edit = await moderator.get(`/admin/matrix/items/${first!.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('MDN | https://developer.mozilla.org');
    const inUse = await moderator.post(`/admin/matrix/grades/${grade}/delete`, { confirm: 'yes' });
    expect(inUse.statusCode).toBe(409);
    expect(textOf(inUse.body)).toContain('2');
    expect((await moderator.post(`/admin/matrix/items/${first!.id}/delete`, {})).statusCode).toBe(422);
    await moderator.follow(await moderator.post(`/admin/matrix/items/${first!.id}/delete`, { confirm: 'yes' }));
    expect(await list()).toHaveLength(1);
  });

  it('imports a CSV with a dry-run preview and exports it', async () => {
    const admin = await PageBrowser.signIn(test.app, 'admin@school.test');
    const page = await admin.get(`/admin/matrix/sheets/${ids.sheet}`);
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const boundary = '----m';
    const multipart = (csv: string, dryRun: boolean) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      (dryRun ? `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\nyes\r\n` : '') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const bad = 'section,subsection,grade,question\nNew,Sub,lead,Unknown grade\nNew,Sub,junior,Fine\n';
    const preview = await admin.postBody(
      `/admin/matrix/sheets/${ids.sheet}/import`,
      multipart(bad, true),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(preview.statusCode).toBe(422);
    expect(textOf(preview.body)).toMatch(/(Line|Строка) 2/);
    expect(textOf(preview.body)).toContain('lead');
    const good = 'section,subsection,grade,question\nNew,Sub,junior,Fine\n';
    const imported = await admin.postBody(
      `/admin/matrix/sheets/${ids.sheet}/import`,
      multipart(good, false),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(imported.statusCode).toBe(200);
    const exported = await admin.get(`/admin/matrix/sheets/${ids.sheet}/export.csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment; filename="matrix-backend.csv"');
    expect(exported.body).toContain('New,Sub,junior,Fine');
  });
});
