import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { catalogApi, type AdminTrackJson } from '../catalog/support.ts';
import { expectHtml, expectProblem, multipartOf, type Part, postRaw, RANDOM_UUID, speakEnglish } from './support.ts';

/**
 * The catalog's and the question bank's pages with bad input: forms without the CSRF token are
 * refused (403) and change nothing; bad values come back as the form with its errors (4xx);
 * nothing is ever a 500.
 */
let test: TestApp;
let staff: Staff;
let admin: PageBrowser;
let student: PageBrowser;
let track: { id: string; slug: string };
let stageIds: string[];
let moduleIds: string[];
let questionId: string;

const SECRET_OPTION = 'Zebra-correct-answer';

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  staff = await staffUsers(test);
  await speakEnglish(test, staff.admin, staff.student);
  admin = await PageBrowser.signIn(test.app, 'admin@school.test');
  student = await PageBrowser.signIn(test.app, 'student@school.test');
  const api = catalogApi(test, staff.admin);
  track = await api.createTrack('pages', 'Pages track');
  stageIds = [
    (await api.addStage(track.id, 'One')).id,
    (await api.addStage(track.id, 'Two')).id,
    (await api.addStage(track.id, 'Three')).id,
  ];
  moduleIds = [(await api.addModule(track.id, 'footwork')).id, (await api.addModule(track.id, 'rhythm')).id];
  const created = await test.app.inject({
    method: 'POST',
    url: '/api/v1/admin/questions',
    headers: staff.admin.auth,
    payload: {
      trackId: track.id,
      moduleId: moduleIds[0],
      kind: 'single',
      text: 'Which foot leads?',
      options: [SECRET_OPTION, 'Right'],
      correct: [0],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  questionId = created.json().id;
});
afterAll(async () => test?.close());

/** Everything a form could change: the tracks with their structure and settings, and the bank. */
async function snapshot() {
  const db = test.container.db;
  return {
    tracks: await db
      .selectFrom('tracks')
      .select(['id', 'slug', 'title', 'description', 'status', 'currentSettingsVersion'])
      .orderBy('id')
      .execute(),
    stages: await db.selectFrom('stages').select(['id', 'position', 'title']).orderBy('id').execute(),
    modules: await db.selectFrom('modules').select(['id', 'position', 'slug', 'title']).orderBy('id').execute(),
    versions: await db.selectFrom('settingsVersions').select(['trackId', 'version']).execute(),
    questions: await db.selectFrom('questions').select(['id', 'text', 'status', 'options']).orderBy('id').execute(),
  };
}

const adminTrack = async () =>
  (
    await test.app.inject({ url: `/api/v1/admin/tracks/${track.id}`, headers: staff.admin.auth })
  ).json<AdminTrackJson>();

describe('forms without the CSRF token', () => {
  it('are refused with 403 everywhere and change nothing', async () => {
    const before = await snapshot();
    const forms: [string, Record<string, string>][] = [
      ['/admin/tracks', { slug: 'forged', title: 'Forged' }],
      [`/admin/tracks/${track.id}`, { slug: 'forged', title: 'Forged' }],
      [`/admin/tracks/${track.id}/status`, { status: 'published' }],
      [`/admin/tracks/${track.id}/delete`, {}],
      [`/admin/tracks/${track.id}/stages`, { title: 'Forged' }],
      [`/admin/tracks/${track.id}/modules`, { slug: 'forged', title: 'Forged' }],
      [`/admin/stages/${stageIds[0]}`, { title: 'Forged', trackId: track.id }],
      [`/admin/stages/${stageIds[0]}/move`, { position: '3', trackId: track.id }],
      [`/admin/stages/${stageIds[0]}/delete`, { trackId: track.id }],
      [`/admin/modules/${moduleIds[0]}`, { slug: 'forged', title: 'Forged', trackId: track.id }],
      [`/admin/modules/${moduleIds[0]}/move`, { position: '2', trackId: track.id }],
      [`/admin/modules/${moduleIds[0]}/delete`, { trackId: track.id }],
      [`/admin/tracks/${track.id}/settings-versions`, { note: 'Forged' }],
      [`/admin/tracks/${track.id}/settings-versions/1/activate`, {}],
      [
        '/admin/questions/new',
        { trackId: track.id, moduleId: moduleIds[0]!, text: 'Forged?', option0: 'A', option1: 'B', correct0: 'on' },
      ],
      [`/admin/questions/${questionId}`, { moduleId: moduleIds[0]!, text: 'Forged?', option0: 'A', option1: 'B' }],
      [`/admin/questions/${questionId}/retire`, {}],
      [`/admin/questions/${questionId}/delete`, {}],
    ];
    for (const [url, form] of forms) {
      for (const fields of [form, { ...form, _csrf: '' }, { ...form, _csrf: 'forged-token' }]) {
        const response = await admin.post(url, fields, { csrf: false });
        expectHtml(response, 403);
      }
    }
    const upload = multipartOf([
      { name: 'trackId', value: track.id },
      { name: 'action', value: 'import' },
      { name: 'file', fileName: 'q.gift', content: '::F::Forged?{=a ~b}' },
    ]);
    expectHtml(
      await postRaw(admin, `/admin/questions/import?trackId=${track.id}`, upload.payload, upload.contentType),
      403,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('ids in page paths', () => {
  it('answer a malformed id with the 400 page and an unknown one with the 404 page', async () => {
    const gets = [
      '/admin/tracks/:id',
      '/admin/tracks/:id/settings',
      '/admin/questions/:id',
      '/admin/questions/:id/retire',
      '/admin/questions/:id/delete',
    ];
    for (const path of gets) {
      for (const bad of ['not-a-uuid', '%00', `${RANDOM_UUID}%00`, '%E2%80%AE']) {
        expectHtml(await admin.get(path.replace(':id', bad)), 400);
      }
      // Refused before routing, so as a problem document (see the report): still no 500.
      expectProblem(await admin.get(path.replace(':id', 'a'.repeat(5000))), 414);
      expectHtml(await admin.get(path.replace(':id', RANDOM_UUID)), 404);
    }
    const posts = [
      '/admin/tracks/:id',
      '/admin/tracks/:id/status',
      '/admin/tracks/:id/delete',
      '/admin/tracks/:id/stages',
      '/admin/stages/:id',
      '/admin/stages/:id/move',
      '/admin/modules/:id/delete',
      '/admin/tracks/:id/settings-versions',
      '/admin/questions/:id',
      '/admin/questions/:id/retire',
      '/admin/questions/:id/delete',
    ];
    const before = await snapshot();
    for (const path of posts) {
      expectHtml(await admin.post(path.replace(':id', 'not-a-uuid'), { title: 'T', position: '1' }), 400);
      expectHtml(await admin.post(path.replace(':id', RANDOM_UUID), { title: 'T', position: '1' }), 404);
    }
    for (const version of ['0', '-1', '1.5', 'abc', '2147483648']) {
      expectHtml(await admin.post(`/admin/tracks/${track.id}/settings-versions/${version}/activate`), 400);
    }
    for (const version of ['1e309', 'Infinity', '7']) {
      const missing = await admin.post(`/admin/tracks/${track.id}/settings-versions/${version}/activate`);
      expectHtml(missing, 404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('show public pages of published tracks only, whatever the slug', async () => {
    for (const slug of ['pages', '%00', 'a%00b', 'PAGES', '%E2%80%AE', "'--"]) {
      expectHtml(await student.get(`/tracks/${slug}`), 404);
    }
    expectProblem(await student.get(`/tracks/${'a'.repeat(5000)}`), 414);
    for (const page of ['0', '-1', 'abc', '1e309', '999999999', '%00']) {
      const list = expectHtml(await student.get(`/tracks?page=${page}`), 200);
      expect(list).not.toContain('Pages track');
    }
  });
});

describe('catalog forms with bad values', () => {
  it('show the new-track form again with every error, keeping the input', async () => {
    const before = await snapshot();
    const cases: [Record<string, string>, string[]][] = [
      [{ slug: 'Хип хоп', title: 'Fine' }, ['Only lowercase latin letters, digits and single hyphens']],
      [{ slug: 'ok-slug', title: '\u202Eevil' }, ['Printable characters only']],
      [{ slug: 'ok-slug', title: 'Tab\u0000' }, ['Printable characters only']],
      [{ slug: '', title: '' }, ['Fix the fields with errors (2).']],
      [{ slug: 'pages', title: 'Taken' }, ['Another track already has the address “pages”.']],
      [{ slug: 'ok-slug', title: 'x'.repeat(201), description: 'y'.repeat(20_001) }, ['At most 200 characters.']],
      [{ slug: 'ok-slug', title: 'Fine', description: 'Bell \u0007' }, ['Printable characters only']],
    ];
    for (const [form, messages] of cases) {
      const response = await admin.post('/admin/tracks', form);
      const text = textOf(expectHtml(response, form.slug === 'pages' ? 409 : 422));
      for (const message of messages) expect(text).toContain(message);
      expect(response.body).toContain('<form method="post" action="/admin/tracks"');
    }
    // Past the form's bounds: a generic 400, or 413 for a body the server does not read.
    expectHtml(await admin.post('/admin/tracks', { slug: 'x', title: 'x'.repeat(100_001) }), 400);
    expectHtml(await admin.post('/admin/tracks', { slug: 'x', title: 'x'.repeat(300_000) }), 413);
    expect(await snapshot()).toEqual(before);
  });

  it('refuse repeated form fields without creating anything', async () => {
    const before = await snapshot();
    const token = /name="_csrf" value="([^"]+)"/.exec((await admin.get('/admin/tracks')).body)![1]!;
    const body = `_csrf=${encodeURIComponent(token)}&slug=twice&slug=Twice&title=T`;
    const response = await postRaw(admin, '/admin/tracks', body, 'application/x-www-form-urlencoded');
    expectHtml(response, 400);
    const moved = await postRaw(
      admin,
      `/admin/stages/${stageIds[0]}/move`,
      `_csrf=${encodeURIComponent(token)}&position=2&position=3&trackId=${track.id}`,
      'application/x-www-form-urlencoded',
    );
    expectHtml(moved, 400);
    expect(await snapshot()).toEqual(before);
  });

  it('show the track page with the error for moves outside 1..n, leaving the order as it was', async () => {
    const order = (await adminTrack()).stages.map((stage) => stage.id);
    for (const position of ['0', '-1', '4', '1.5', 'abc', '', '2147483648', '1e309', '99999999999']) {
      const response = await admin.post(`/admin/stages/${stageIds[0]}/move`, { position, trackId: track.id });
      const text = textOf(expectHtml(response, 422));
      expect(text).toContain('Fix the fields with errors (1).');
      expect(text).toContain('Pages track');
    }
    for (const position of ['0', '3']) {
      const response = await admin.post(`/admin/modules/${moduleIds[0]}/move`, { position, trackId: track.id });
      expectHtml(response, 422);
    }
    // The hidden trackId is only where the page goes back to: a wrong one changes nothing else.
    const elsewhere = await admin.post(`/admin/stages/${stageIds[0]}/move`, { position: '1', trackId: '%00' });
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe(`/admin/tracks/${track.id}`);
    expect((await adminTrack()).stages.map((stage) => stage.id)).toEqual(order);
  });

  it('show the stage and module forms again with their errors', async () => {
    const before = await snapshot();
    const title = await admin.post(`/admin/stages/${stageIds[0]}`, { title: 'A\u202E', trackId: track.id });
    expect(textOf(expectHtml(title, 422))).toContain('Printable characters only');
    const slug = await admin.post(`/admin/modules/${moduleIds[0]}`, { slug: 'rhythm', title: 'R', trackId: track.id });
    expect(textOf(expectHtml(slug, 409))).toContain('The track already has a module with the address “rhythm”.');
    const added = await admin.post(`/admin/tracks/${track.id}/modules`, { slug: 'Ритм', title: 'R' });
    expect(textOf(expectHtml(added, 422))).toContain('Only lowercase latin letters');
    const stage = await admin.post(`/admin/tracks/${track.id}/stages`, { title: '', description: 'd\u0000' });
    expect(textOf(expectHtml(stage, 422))).toContain('Fix the fields with errors (2).');
    expect(await snapshot()).toEqual(before);
  });

  it('show the settings form again with each failing field, and compare only existing versions', async () => {
    const before = await snapshot();
    const bad = await admin.post(`/admin/tracks/${track.id}/settings-versions`, {
      'levelExam.questionCount': '1e309',
      'levelExam.passPercent': '-5',
      'rankFinal.timeLimitMinutes': 'abc',
      'diagnostic.questionsPerModule': '99999999999999',
      note: 'Null \u0000',
    });
    const html = expectHtml(bad, 422);
    expect(html).toContain('Control characters are not allowed.');
    expect(html).toContain('value="1e309"');
    expect(textOf(html)).toContain('From 1 to 100.');
    const long = await admin.post(`/admin/tracks/${track.id}/settings-versions`, { note: 'n'.repeat(501) });
    expect(textOf(expectHtml(long, 422))).toContain('At most 500 characters.');
    for (const query of ['from=1e309&to=%00', 'from=1&to=2', 'from=-1&to=abc', `from=${'9'.repeat(5000)}&to=1`]) {
      const diff = await admin.get(`/admin/tracks/${track.id}/settings?${query}`);
      expect(textOf(expectHtml(diff, 422))).toContain('Choose two existing versions.');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('list tracks whatever the query says', async () => {
    for (const query of ['q=%00', 'q=%25_%5C%27', `q=${'x'.repeat(10_000)}`, 'status=bogus', 'page=-1', 'page=1e309']) {
      expectHtml(await admin.get(`/admin/tracks?${query}`), 200);
    }
    const search = await admin.get('/admin/tracks?q=%25');
    expect(textOf(search.body)).toContain('No tracks found.');
  });
});

describe('question bank forms with bad values', () => {
  const questionForm = (fields: Record<string, string>) => ({
    trackId: track.id,
    moduleId: moduleIds[0]!,
    stageId: '',
    kind: 'single',
    name: '',
    text: 'Which?',
    explanation: '',
    rows: '2',
    option0: 'A',
    option1: 'B',
    correct0: 'on',
    action: 'save',
    ...fields,
  });

  it('show the editor again with the errors at their fields', async () => {
    const before = await snapshot();
    const cases: [Record<string, string>, string][] = [
      [{ text: 'Which\u0000?' }, 'The question text contains control characters.'],
      [{ option1: 'B\u0000' }, 'Option 2 contains control characters.'],
      [{ option1: 'A' }, 'Option 2 repeats another option.'],
      [{ correct0: '' }, ''],
      [{ moduleId: RANDOM_UUID }, "The module is not one of the question's track."],
      [{ stageId: 'not-a-uuid' }, "The stage is not one of the question's track."],
      [{ text: 'x'.repeat(20_001) }, 'The question text is longer than 20000 characters.'],
      [{ kind: 'multiple', correct1: 'on', name: 'N\u0007' }, 'The name contains control characters.'],
    ];
    for (const [fields, message] of cases) {
      const { correct0, ...form } = questionForm(fields);
      if (fields.correct0 !== '') Object.assign(form, { correct0 });
      const response = await admin.post('/admin/questions/new', form);
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(422);
      const text = textOf(expectHtml(response, 422));
      expect(text).toContain(message || 'No option is marked correct.');
    }
    for (const rows of ['-5', '0', '11', '1e309', 'abc', '99999999999']) {
      const response = await admin.post('/admin/questions/new', questionForm({ rows, action: 'addOption' }));
      expectHtml(response, 200);
    }
    const edit = await admin.post(
      `/admin/questions/${questionId}`,
      questionForm({ option0: SECRET_OPTION, option1: SECRET_OPTION }),
    );
    expect(textOf(expectHtml(edit, 422))).toContain('Option 2 repeats another option.');
    expect(await snapshot()).toEqual(before);
  });

  it('ask for the track again when it names none, and list the bank whatever the query says', async () => {
    for (const trackId of ['%00', 'nope', RANDOM_UUID, 'x'.repeat(5000)]) {
      const response = await admin.get(`/admin/questions/new?trackId=${trackId}`);
      expect(textOf(expectHtml(response, 422))).toContain('There is no such track');
    }
    expectHtml(await admin.post('/admin/questions/new', questionForm({ trackId: '\u0000' })), 422);
    for (const query of [
      'q=%00',
      `q=${'x'.repeat(10_000)}`,
      'page=-1',
      'page=1e309',
      'status=deleted',
      'kind=essay',
      `trackId=${track.id}&moduleId=%00&stageId=not-a-uuid`,
    ]) {
      expectHtml(await admin.get(`/admin/questions?${query}`), 200);
    }
    for (const query of ['trackId=%00', 'trackId=nope', `trackId=${'x'.repeat(5000)}`]) {
      expectHtml(await admin.get(`/admin/questions?${query}`), 422);
    }
    const exported = await admin.get('/admin/questions/export?trackId=%00');
    expect(exported.statusCode).toBe(303);
    expect(exported.headers.location).toBe('/admin/questions');
  });

  it('never show a student a correct option on any page', async () => {
    for (const url of [
      '/admin/questions',
      `/admin/questions/${questionId}`,
      `/admin/questions/new?trackId=${track.id}`,
      `/admin/questions/import?trackId=${track.id}`,
      `/admin/questions/export?trackId=${track.id}`,
      `/admin/tracks/${track.id}`,
      '/tracks',
      `/tracks/${track.slug}`,
    ]) {
      const response = await student.get(url);
      expect(response.statusCode, url).toBe(url.startsWith('/admin/') ? 403 : url === '/tracks' ? 200 : 404);
      expect(response.body).not.toContain(SECRET_OPTION);
    }
    const preview = await student.post('/admin/questions/preview', questionForm({ option0: SECRET_OPTION }));
    expectHtml(preview, 403);
  });
});

describe('the import page', () => {
  const submit = async (fields: Record<string, string>, files: Part[] = []) => {
    const page = await admin.get(`/admin/questions/import?trackId=${track.id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const parts: Part[] = [
      { name: '_csrf', value: token },
      ...Object.entries({ trackId: track.id, format: 'auto', action: 'preview', ...fields }).map(([name, value]) => ({
        name,
        value,
      })),
      ...files,
    ];
    const body = multipartOf(parts);
    return postRaw(admin, `/admin/questions/import?trackId=${track.id}`, body.payload, body.contentType);
  };
  const file = (content: string | Buffer, fileName = 'q.txt'): Part => ({ name: 'file', fileName, content });

  it('shows every unreadable upload at the file field, storing nothing', async () => {
    const before = await snapshot();
    const cases: [Part[], number, string][] = [
      [[], 422, 'Choose a file.'],
      [[file('')], 422, 'The file is empty.'],
      [[file(Buffer.from('Caf\xe9 {=a ~b}', 'latin1'))], 422, 'The file is not UTF-8 encoded.'],
      [[file(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)), 'image.png')], 422, ''],
      [[file(Buffer.alloc(6 * 1024 * 1024, 'a'), 'big.gift')], 422, 'The file is larger than 5 MB.'],
      [[file('::A::Q?{=a ~b}', 'a.gift'), file('::B::Q?{=a ~b}', 'b.gift')], 400, 'The upload could not be read'],
    ];
    for (const [files, status, message] of cases) {
      const response = await submit({ action: 'import' }, files);
      const html = expectHtml(response, status);
      expect(html).toContain('enctype="multipart/form-data"');
      if (message) expect(textOf(html)).toContain(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('tells the format of a big text file quickly, even one built to make a pattern backtrack', async () => {
    for (const content of ['{='.repeat(200_000), `${'\n'.repeat(2_000_000)}x`, `${' \n'.repeat(1_000_000)}x`]) {
      const started = Date.now();
      const response = await submit({}, [file(content, 'slow.txt')]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(textOf(expectHtml(response, 422))).toContain('The format could not be told from the file');
    }
  });

  it('reports odd files line by line on the preview', async () => {
    const started = Date.now();
    const nested = await submit({ format: 'gift' }, [file(`${'{'.repeat(100_000)}=a${'}'.repeat(100_000)}`)]);
    expectHtml(nested, 200);
    const nul = await submit({ format: 'gift', moduleId: moduleIds[0]! }, [file('::N::Which\u0000?{=a ~b}')]);
    expect(textOf(expectHtml(nul, 200))).toContain('The question text contains control characters.');
    const wide = await submit({ format: 'csv', moduleId: moduleIds[0]! }, [
      file(`${'c,'.repeat(10_000)}text,correct,option1,option2\n${','.repeat(10_000)}Which?,1,A,B\n`, 'wide.csv'),
    ]);
    expect(textOf(expectHtml(wide, 200))).toContain('Which?');
    const line = await submit({ format: 'csv' }, [file('x'.repeat(1024 * 1024), 'line.csv')]);
    expectHtml(line, 200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('checks the import fields against the track', async () => {
    const before = await snapshot();
    const response = await submit({ moduleId: RANDOM_UUID, stageId: '%00', format: 'exe' }, [file('::A::Q?{=a ~b}')]);
    const text = textOf(expectHtml(response, 422));
    expect(text).toContain('Choose a value of this track.');
    expect(text).toContain('Nothing was imported: correct the marked fields.');
    const unknown = await admin.get('/admin/questions/import?trackId=%00');
    expect(textOf(expectHtml(unknown, 422))).toContain('There is no such track');
    expect(await snapshot()).toEqual(before);
  });
});
