/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies read in assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

let test: TestApp;
let staff: Staff;

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
});
afterAll(async () => {
  await test.close();
});

type Auth = { authorization: string } | undefined;
async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth: Auth, payload?: unknown) {
  const response = await test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(auth ?? {}), 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const json = (response.headers['content-type'] ?? '').toString().includes('json');
  return {
    status: response.statusCode,
    body: json && response.body ? JSON.parse(response.body) : null,
    raw: response,
  };
}

let counter = 0;
async function sheetWithStructure() {
  counter += 1;
  const admin = staff.admin.auth;
  const sheet = await call('POST', '/admin/matrix/sheets', admin, {
    slug: `sheet-${counter}`,
    title: `Sheet ${counter}`,
  });
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(201);
  const id = sheet.body.id as string;
  const junior = (await call('POST', `/admin/matrix/sheets/${id}/grades`, admin, { slug: 'junior', title: 'Junior' }))
    .body.id;
  const senior = (await call('POST', `/admin/matrix/sheets/${id}/grades`, admin, { slug: 'senior', title: 'Senior' }))
    .body.id;
  const section = (await call('POST', `/admin/matrix/sheets/${id}/sections`, admin, { title: 'Backend' })).body.id;
  const subsection = (
    await call('POST', `/admin/matrix/sections/${section}/subsections`, admin, { title: 'Databases' })
  ).body.id;
  return { id, slug: `sheet-${counter}`, junior, senior, section, subsection };
}

async function addItem(subsection: string, gradeId: string, extra: Record<string, unknown> = {}) {
  const response = await call('POST', `/admin/matrix/subsections/${subsection}/items`, staff.moderator.auth, {
    question: 'What is an index?',
    answer: 'A **B-tree**.',
    gradeId,
    ...extra,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

describe('roles', () => {
  it('guests get 401, students 403, moderators and admins manage', async () => {
    expect((await call('POST', '/admin/matrix/sheets', undefined, { slug: 'x', title: 'X' })).status).toBe(401);
    const forbidden = await call('POST', '/admin/matrix/sheets', staff.student.auth, { slug: 'x', title: 'X' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
    expect(
      (await call('POST', '/admin/matrix/sheets', staff.moderator.auth, { slug: 'by-mod', title: 'M' })).status,
    ).toBe(201);
    const s = await sheetWithStructure();
    for (const [method, url] of [
      ['GET', `/admin/matrix/sheets/${s.id}/items`],
      ['GET', `/admin/matrix/sheets/${s.id}/export`],
      ['PATCH', `/admin/matrix/sheets/${s.id}`],
      ['DELETE', `/admin/matrix/grades/${s.junior}`],
      ['DELETE', `/admin/matrix/sections/${s.section}`],
    ] as const) {
      const payload = method === 'PATCH' ? { title: 'Z' } : undefined;
      expect((await call(method, url, undefined, payload)).status, url).toBe(401);
      expect((await call(method, url, staff.student.auth, payload)).status, url).toBe(403);
    }
  });

  it('unknown ids are 404', async () => {
    const missing = '01890000-0000-7000-8000-000000000000';
    expect((await call('PATCH', `/admin/matrix/sheets/${missing}`, staff.admin.auth, { title: 'x' })).status).toBe(404);
    expect((await call('GET', `/matrix/items/${missing}`, undefined)).status).toBe(404);
    expect((await call('GET', `/admin/matrix/items/${missing}`, staff.admin.auth)).status).toBe(404);
    expect((await call('GET', `/matrix/items/not-a-uuid`, undefined)).status).toBe(400);
  });
});

describe('constraints', () => {
  it('refuses a grade of another sheet, with 422', async () => {
    const a = await sheetWithStructure();
    const b = await sheetWithStructure();
    const response = await call('POST', `/admin/matrix/subsections/${a.subsection}/items`, staff.admin.auth, {
      question: 'Q',
      answer: '',
      gradeId: b.junior,
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('grade_of_other_sheet');
    // The database refuses it too (composite foreign key).
    await expect(
      test.container.db
        .insertInto('matrixItems')
        .values({
          id: '01890000-0000-7000-8000-0000000000aa',
          sheetId: a.id,
          subsectionId: a.subsection,
          gradeId: b.junior,
          question: 'Q',
          answer: '',
          answerHtml: '',
          resources: '[]',
          status: 'draft',
          moduleId: null,
          position: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .execute(),
    ).rejects.toThrow(/matrix_items_grade_fkey/);
  });

  it('answers 409 with the count when deleting a used grade or section', async () => {
    const s = await sheetWithStructure();
    await addItem(s.subsection, s.junior);
    await addItem(s.subsection, s.junior);
    const grade = await call('DELETE', `/admin/matrix/grades/${s.junior}`, staff.admin.auth);
    expect(grade.status).toBe(409);
    expect(grade.body.code).toBe('grade_in_use');
    expect(grade.body.detail).toContain('2');
    const section = await call('DELETE', `/admin/matrix/sections/${s.section}`, staff.admin.auth);
    expect(section.status).toBe(409);
    expect(section.body.code).toBe('section_in_use');
    expect((await call('DELETE', `/admin/matrix/grades/${s.senior}`, staff.admin.auth)).status).toBe(204);
  });

  it('moves an item and keeps positions 1..n without duplicates', async () => {
    const s = await sheetWithStructure();
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await addItem(s.subsection, s.junior, { question: `Q${i}` }));
    expect((await call('PATCH', `/admin/matrix/items/${ids[3]}`, staff.admin.auth, { position: 1 })).status).toBe(204);
    expect((await call('PATCH', `/admin/matrix/items/${ids[1]}`, staff.admin.auth, { position: 99 })).status).toBe(204);
    const list = await call('GET', `/admin/matrix/sheets/${s.id}/items`, staff.admin.auth);
    expect(list.body.items.map((item: { question: string }) => item.question)).toEqual(['Q3', 'Q0', 'Q2', 'Q1']);
    expect(list.body.items.map((item: { position: number }) => item.position)).toEqual([1, 2, 3, 4]);
    expect((await call('DELETE', `/admin/matrix/items/${ids[0]}`, staff.admin.auth)).status).toBe(204);
    const after = await call('GET', `/admin/matrix/sheets/${s.id}/items`, staff.admin.auth);
    expect(after.body.items.map((item: { position: number }) => item.position)).toEqual([1, 2, 3]);
    // Grades reorder too.
    expect((await call('PATCH', `/admin/matrix/grades/${s.senior}`, staff.admin.auth, { position: 1 })).status).toBe(
      204,
    );
    const sheets = await call('GET', '/matrix/sheets', undefined);
    const sheet = sheets.body.sheets.find((x: { id: string }) => x.id === s.id);
    expect(sheet.grades.map((g: { slug: string }) => g.slug)).toEqual(['senior', 'junior']);
    // The database refuses a duplicate position.
    await expect(
      test.container.db.updateTable('matrixGrades').set({ position: 1 }).where('id', '=', s.junior).execute(),
    ).rejects.toThrow(/matrix_grades_sheet_position_key/);
  });
});

describe('moving items between subsections', () => {
  it('appends to the target subsection, closes the gap, refuses another sheet', async () => {
    const s = await sheetWithStructure();
    const other = await sheetWithStructure();
    const target = (
      await call('POST', `/admin/matrix/sections/${s.section}/subsections`, staff.admin.auth, { title: 'Replication' })
    ).body.id as string;
    const a = await addItem(s.subsection, s.junior, { question: 'A' });
    const b = await addItem(s.subsection, s.junior, { question: 'B' });
    await addItem(target, s.junior, { question: 'C' });
    expect((await call('PATCH', `/admin/matrix/items/${a}`, staff.admin.auth, { subsectionId: target })).status).toBe(
      204,
    );
    const items = (await call('GET', `/admin/matrix/sheets/${s.id}/items`, staff.admin.auth)).body.items as any[];
    expect(items.map((i) => [i.question, i.subsection.title, i.position])).toEqual([
      ['B', 'Databases', 1],
      ['C', 'Replication', 1],
      ['A', 'Replication', 2],
    ]);
    const cross = await call('PATCH', `/admin/matrix/items/${b}`, staff.admin.auth, { subsectionId: other.subsection });
    expect(cross.status).toBe(404);
    // The database keeps a subsection's section in its sheet.
    await expect(
      test.container.db
        .insertInto('matrixSubsections')
        .values({
          id: '01890000-0000-7000-8000-0000000000bb',
          sheetId: other.id,
          sectionId: s.section,
          title: 'X',
          position: 9,
        })
        .execute(),
    ).rejects.toThrow(/matrix_subsections_section_fkey/);
  });
});

describe('answers and resources', () => {
  it('renders answers harmless', async () => {
    const s = await sheetWithStructure();
    const id = await addItem(s.subsection, s.junior, {
      answer: '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    const item = await call('GET', `/matrix/items/${id}`, undefined);
    expect(item.status).toBe(200);
    expect(item.body.answerHtml).not.toMatch(/<script|<img|href="javascript/i);
    expect(item.body.answerHtml).toContain('&lt;script&gt;');
  });

  it('refuses non-http resources with 422', async () => {
    const s = await sheetWithStructure();
    const response = await call('POST', `/admin/matrix/subsections/${s.subsection}/items`, staff.admin.auth, {
      question: 'Q',
      answer: 'A',
      gradeId: s.junior,
      resources: [{ title: 'Bad', url: 'javascript:alert(1)' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer ?? response.body.errors[0].path).toContain('/resources/0/url');
    await addItem(s.subsection, s.junior, { resources: [{ title: 'Docs', url: 'https://postgresql.org/docs' }] });
    for (const bad of [
      { question: 'a\u0000b' },
      { answer: 'x\u0000' },
      { resources: [{ title: 'T', url: 'https://a.b/\u0000' }] },
    ]) {
      const response = await call('POST', `/admin/matrix/subsections/${s.subsection}/items`, staff.admin.auth, {
        question: 'Q',
        answer: 'A',
        gradeId: s.junior,
        ...bad,
      });
      expect(response.status, JSON.stringify(bad)).toBe(422);
    }
    const sheet = await call('POST', '/admin/matrix/sheets', staff.admin.auth, { slug: 'nul', title: 'a\u0000' });
    expect(sheet.status).toBe(400); // the schema refuses NUL in titles
  });
});

describe('public filters', () => {
  it('filters by sheet, section, subsection, grade and text; drafts hidden', async () => {
    const s = await sheetWithStructure();
    const other = await call('POST', `/admin/matrix/sheets/${s.id}/sections`, staff.admin.auth, { title: 'Frontend' });
    const otherSub = (
      await call('POST', `/admin/matrix/sections/${other.body.id}/subsections`, staff.admin.auth, { title: 'CSS' })
    ).body.id;
    const a = await addItem(s.subsection, s.junior, { question: 'Explain MVCC vacuum' });
    const b = await addItem(otherSub, s.senior, { question: 'Flexbox vs grid', answer: 'Grid is two-dimensional' });
    const draft = await addItem(s.subsection, s.senior, { question: 'Secret draft', status: 'draft' });
    const ids = async (query: string) =>
      (await call('GET', `/matrix/items?${query}`, undefined)).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`sheet=${s.slug}`)).toEqual([a, b]);
    expect(await ids(`sheet=${s.id}&grade=senior`)).toEqual([b]);
    expect(await ids(`sheet=${s.id}&grade=${s.junior}`)).toEqual([a]);
    expect(await ids(`section=${other.body.id}`)).toEqual([b]);
    expect(await ids(`subsection=${s.subsection}`)).toEqual([a]);
    expect(await ids(`sheet=${s.slug}&q=mvcc`)).toEqual([a]);
    expect(await ids(`sheet=${s.slug}&q=DIMENSIONAL`)).toEqual([b]);
    expect(await ids(`sheet=${s.slug}&q=%25`)).toEqual([]);
    expect(await ids(`sheet=nope`)).toEqual([]);
    expect((await call('GET', `/matrix/items/${draft}`, undefined)).status).toBe(404);
    expect((await call('GET', `/matrix/items/${draft}`, staff.student.auth)).status).toBe(404);
    expect((await call('GET', `/matrix/items/${draft}`, staff.moderator.auth)).status).toBe(200);
    const list = await call('GET', `/matrix/items?sheet=${s.slug}`, undefined);
    expect(list.body.items[0]).toMatchObject({
      section: { title: 'Backend' },
      subsection: { title: 'Databases' },
      grade: { slug: 'junior' },
    });
  });
});

describe('CSV', () => {
  it('round-trips export → import into a fresh sheet', async () => {
    const s = await sheetWithStructure();
    await addItem(s.subsection, s.junior, {
      question: 'Quotes "and", commas',
      answer: 'Line 1\nLine 2, with "quotes"',
      resources: [
        { title: 'Docs', url: 'https://example.com/a' },
        { title: 'More', url: 'http://example.org/b?x=1' },
      ],
    });
    await addItem(s.subsection, s.senior, { question: 'Draft one', status: 'draft' });
    const exported = await call('GET', `/admin/matrix/sheets/${s.id}/export`, staff.admin.auth);
    expect(exported.status).toBe(200);
    expect(exported.raw.headers['content-disposition']).toMatch(/^attachment; filename="matrix-sheet-\d+\.csv"/);
    const csv = exported.raw.body;
    expect(csv.split('\r\n')[0]).toBe('section,subsection,grade,question,answer,resources,status,module');

    const fresh = await call('POST', '/admin/matrix/sheets', staff.admin.auth, {
      slug: `fresh-${s.slug}`,
      title: 'Fresh',
    });
    await call('POST', `/admin/matrix/sheets/${fresh.body.id}/grades`, staff.admin.auth, {
      slug: 'junior',
      title: 'Junior',
    });
    await call('POST', `/admin/matrix/sheets/${fresh.body.id}/grades`, staff.admin.auth, {
      slug: 'senior',
      title: 'Senior',
    });
    const dry = await call('POST', `/admin/matrix/sheets/${fresh.body.id}/import`, staff.admin.auth, {
      csv,
      dryRun: true,
    });
    expect(dry.body).toMatchObject({ imported: false, dryRun: true, accepted: 2, rejected: [] });
    const imported = await call('POST', `/admin/matrix/sheets/${fresh.body.id}/import`, staff.admin.auth, { csv });
    expect(imported.body).toMatchObject({ imported: true, accepted: 2, sectionsCreated: 1, subsectionsCreated: 1 });
    const shape = (items: any[]) =>
      items.map((i) => [
        i.section.title,
        i.subsection.title,
        i.grade.slug,
        i.question,
        i.answer,
        i.resources,
        i.status,
      ]);
    const before = await call('GET', `/admin/matrix/sheets/${s.id}/items`, staff.admin.auth);
    const after = await call('GET', `/admin/matrix/sheets/${fresh.body.id}/items`, staff.admin.auth);
    expect(shape(after.body.items)).toEqual(shape(before.body.items));
  });

  it('rejects the whole file with a per-line report', async () => {
    const s = await sheetWithStructure();
    const csv = [
      '\uFEFFsection,subsection,grade,question,answer,resources,status,module',
      'Backend,Databases,JUNIOR,Fine question,Answer,,,',
      'Backend,Databases,lead,Unknown grade,,,,',
      'Backend,Databases,senior,Bad link,,Evil | javascript:alert(1),,',
      'Backend,Databases,senior,Bad module,,,published,no/such',
      'Backend,Databases,senior,Bad status,,,hidden,',
    ].join('\r\n');
    const report = await call('POST', `/admin/matrix/sheets/${s.id}/import`, staff.admin.auth, { csv });
    expect(report.status).toBe(200);
    expect(report.body.imported).toBe(false);
    expect(report.body.accepted).toBe(1);
    expect(report.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'csv_unknown_grade'],
      [4, 'csv_bad_resource'],
      [5, 'csv_unknown_module'],
      [6, 'csv_bad_status'],
    ]);
    expect(report.body.rejected[0].message).toContain('lead');
    const items = await call('GET', `/admin/matrix/sheets/${s.id}/items`, staff.admin.auth);
    expect(items.body.items).toHaveLength(0);
  });

  it('takes a multipart file', async () => {
    const s = await sheetWithStructure();
    const boundary = '----matrix';
    const csv = 'section,subsection,grade,question\nNew,Sub,junior,From a file\n';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\nfalse\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/matrix/sheets/${s.id}/import`,
      headers: { ...staff.admin.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ imported: true, accepted: 1 });
  });
});
