import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { catalogApi, insertQuestions, smallSettings } from '../catalog/support.ts';
import {
  apiOf,
  expectProblem,
  importParts,
  multipartOf,
  type Part,
  RANDOM_UUID,
  rawOf,
  speakEnglish,
} from './support.ts';

/**
 * Bad input on every JSON endpoint of the catalog and the question bank: each gets a clear,
 * localized problem (never a 500), and nothing half-changed is left behind.
 */
let test: TestApp;
let staff: Staff;
let call: ReturnType<typeof apiOf>;
let raw: ReturnType<typeof rawOf>;
let track: { id: string; slug: string };
let stages: { id: string }[];
let modules: { id: string }[];
let questionId: string;
let admin: LoggedIn;

const SECRET_OPTION = 'Zebra-correct-answer';

const draftQuestion = (overrides: Record<string, unknown> = {}) => ({
  trackId: track.id,
  moduleId: modules[0]!.id,
  stageId: stages[0]!.id,
  kind: 'single',
  name: 'Lead',
  text: 'Which foot leads?',
  options: [SECRET_OPTION, 'Right', 'Either'],
  correct: [0],
  explanation: 'The left one.',
  ...overrides,
});

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  staff = await staffUsers(test);
  admin = staff.admin;
  await speakEnglish(test, staff.admin, staff.moderator, staff.student);
  call = apiOf(test);
  raw = rawOf(test);
  const api = catalogApi(test, admin);
  track = await api.createTrack('base', 'Base track');
  stages = [
    await api.addStage(track.id, 'One'),
    await api.addStage(track.id, 'Two'),
    await api.addStage(track.id, 'Three'),
  ];
  modules = [await api.addModule(track.id, 'footwork', 'Footwork'), await api.addModule(track.id, 'rhythm', 'Rhythm')];
  const created = await call('POST', '/admin/questions', admin, draftQuestion());
  expect(created.statusCode, created.body).toBe(201);
  questionId = created.json().id;
});
afterAll(async () => test?.close());

const trackCount = async () =>
  Number(
    (
      await test.container.db
        .selectFrom('tracks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const questionCount = async (trackId = track.id) =>
  Number(
    (
      await test.container.db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('trackId', '=', trackId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('ids in paths', () => {
  const routes = (): [string, string, unknown][] => [
    ['GET', '/admin/tracks/:id', undefined],
    ['PATCH', '/admin/tracks/:id', { title: 'Renamed' }],
    ['DELETE', '/admin/tracks/:id', undefined],
    ['POST', '/admin/tracks/:id/stages', { title: 'Stage' }],
    ['POST', '/admin/tracks/:id/modules', { slug: 'new-module', title: 'Module' }],
    ['PATCH', '/admin/stages/:id', { title: 'Stage' }],
    ['DELETE', '/admin/stages/:id', undefined],
    ['PATCH', '/admin/modules/:id', { title: 'Module' }],
    ['DELETE', '/admin/modules/:id', undefined],
    ['GET', '/admin/tracks/:id/settings-versions', undefined],
    ['POST', '/admin/tracks/:id/settings-versions', { params: {} }],
    ['GET', '/admin/tracks/:id/settings-versions/1', undefined],
    ['POST', '/admin/tracks/:id/settings-versions/1/activate', undefined],
    ['GET', '/admin/questions/:id', undefined],
    ['PATCH', '/admin/questions/:id', { text: 'Changed?' }],
    ['POST', '/admin/questions/:id/retire', undefined],
    ['DELETE', '/admin/questions/:id', undefined],
  ];

  it('answer a malformed id with 400 naming /params/id, an over-long one with 414, an unknown one with 404', async () => {
    for (const [method, path, body] of routes()) {
      for (const bad of ['not-a-uuid', '%00', `${RANDOM_UUID}%00`, '%E2%80%AE', '..%2F..%2Fetc', "1'%20OR%20'1'='1"]) {
        const response = await call(method as 'GET', path.replace(':id', bad), admin, body);
        const problem = expectProblem(response, 400, 'validation_failed');
        expect(problem.errors).toContainEqual({ path: '/params/id', message: 'Invalid format (uuid)' });
      }
      expectProblem(await call(method as 'GET', path.replace(':id', 'a'.repeat(5000)), admin, body), 414);
      expectProblem(await call(method as 'GET', path.replace(':id', RANDOM_UUID), admin, body), 404);
    }
    // Nothing was changed on the way.
    expect((await catalogApi(test, admin).track(track.id)).stages).toHaveLength(3);
    expect(await questionCount()).toBe(1);
  });

  it('answer a settings version that is not a positive 32-bit integer with 400, a missing one with 404', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '2147483648', '1e309', '-1e309', 'Infinity', '99999999999999999999']) {
      for (const suffix of ['', '/activate']) {
        const method = suffix ? 'POST' : 'GET';
        const response = await call(method, `/admin/tracks/${track.id}/settings-versions/${bad}${suffix}`, admin);
        const problem = expectProblem(response, 400, 'validation_failed');
        expect(problem.errors?.[0]?.path).toBe('/params/version');
      }
    }
    const missing = await call('GET', `/admin/tracks/${track.id}/settings-versions/2147483647`, admin);
    expect(expectProblem(missing, 404, 'settings_version_not_found').detail).toBe(
      'The track has no settings version 2147483647.',
    );
  });

  it('find a published track by its slug only: anything else is 404 (414 when absurdly long)', async () => {
    for (const bad of ['%00', 'a%00b', 'BASE', '%20base', 'base%0A', '%E2%80%AEbase', "'%20OR%201=1--"]) {
      expectProblem(await call('GET', `/tracks/${bad}`), 404, 'track_not_found');
    }
    expectProblem(await call('GET', `/tracks/${'a'.repeat(5000)}`), 414);
    // The draft "base" is not public either.
    expectProblem(await call('GET', '/tracks/base'), 404, 'track_not_found');
  });
});

describe('paging and search', () => {
  const lists = ['/tracks', '/admin/tracks', '/admin/questions'];

  it('refuse limits and offsets outside 1..100 and 0..1000000, and non-integers', async () => {
    for (const list of lists) {
      const user = list === '/tracks' ? undefined : admin;
      for (const query of [
        'limit=0',
        'limit=101',
        'limit=-1',
        'limit=1.5',
        'limit=abc',
        'limit=1e309',
        'limit=Infinity',
        'offset=-1',
        'offset=1e20',
        'offset=1000001',
        'offset=1.5',
        'offset=-Infinity',
        'offset=1e309',
      ]) {
        const problem = expectProblem(await call('GET', `${list}?${query}`, user), 400, 'validation_failed');
        expect(problem.errors?.[0]?.path).toBe(`/querystring/${query.split('=')[0]}`);
      }
      expect((await call('GET', `${list}?limit=100&offset=1000000`, user)).statusCode).toBe(200);
      expect((await call('GET', `${list}?limit=1&offset=0`, user)).statusCode).toBe(200);
    }
  });

  it('search titles, slugs and questions for %, _, \\ and quotes literally', async () => {
    const api = catalogApi(test, admin);
    const odd = await api.createTrack('odd-chars', `Salsa 100% _x_ \\ O'Neil "q"`);
    await api.createTrack('plain-chars', 'Salsa plain');
    const oddModule = await api.addModule(odd.id, 'misc', 'Misc');
    const question = {
      ...draftQuestion(),
      trackId: odd.id,
      moduleId: oddModule.id,
      stageId: null,
      text: `50% of_x \\ it's "quoted"`,
    };
    expect((await call('POST', '/admin/questions', admin, question)).statusCode).toBe(201);
    expect((await call('POST', '/admin/questions', admin, { ...question, text: 'Nothing odd here' })).statusCode).toBe(
      201,
    );
    for (const q of ['%', '_', '\\', "'", '"', "O'Neil", '100%', '%_%']) {
      const tracks = await call('GET', `/admin/tracks?q=${encodeURIComponent(q)}`, admin);
      expect(tracks.statusCode).toBe(200);
      const expected = q === '%_%' ? [] : ['odd-chars'];
      expect(tracks.json().items.map((item: { slug: string }) => item.slug)).toEqual(expected);
      const questions = await call('GET', `/admin/questions?trackId=${odd.id}&q=${encodeURIComponent(q)}`, admin);
      expect(questions.statusCode).toBe(200);
      const found = questions.json().items.map((item: { text: string }) => item.text);
      expect(found).toEqual(`50% of_x \\ it's "quoted"`.includes(q) ? [question.text] : []);
    }
  });

  it('refuse searches past their length, with U+0000, and unknown filters', async () => {
    for (const url of [
      `/admin/tracks?q=${'x'.repeat(10_000)}`,
      '/admin/tracks?q=%00',
      '/admin/tracks?status=archived',
      `/admin/questions?q=${'x'.repeat(10_000)}`,
      '/admin/questions?q=a%00b',
      '/admin/questions?trackId=not-a-uuid',
      '/admin/questions?moduleId=%00',
      '/admin/questions?stageId=1',
      '/admin/questions?kind=essay',
      '/admin/questions?status=deleted',
    ]) {
      expectProblem(await call('GET', url, admin), 400, 'validation_failed');
    }
    expect((await call('GET', `/admin/tracks?q=${'x'.repeat(100)}`, admin)).json()).toEqual({ items: [], total: 0 });
  });
});

describe('track bodies', () => {
  it('refuse bodies that are not the object asked for', async () => {
    const before = await trackCount();
    expectProblem(await raw('POST', '/admin/tracks', admin, ''), 400, 'malformed_body');
    expectProblem(await raw('POST', '/admin/tracks', admin, '{"slug": "broken"'), 400, 'malformed_body');
    for (const body of ['[1,2]', '[]', '"base"', '42', 'null', '{"slug":{},"title":"T"}', '{"slug":"ok","title":[]}']) {
      expectProblem(await raw('POST', '/admin/tracks', admin, body), 400, 'validation_failed');
    }
    for (const body of [
      '{"slug":"proto","title":"T","__proto__":{"status":"published"}}',
      '{"slug":"ctor","title":"T","constructor":{"prototype":{"status":"published"}}}',
    ]) {
      expectProblem(await raw('POST', '/admin/tracks', admin, body), 400, 'malformed_body');
    }
    expectProblem(await raw('POST', '/admin/tracks', admin, '<slug>a</slug>', 'application/xml'), 415);
    expectProblem(
      await raw('POST', '/admin/tracks', admin, JSON.stringify({ slug: 'huge', title: 'x'.repeat(2_000_000) })),
      413,
      'payload_too_large',
    );
    expect(await trackCount()).toBe(before);
  });

  it('ignore fields a client may not set (a new track is always a draft)', async () => {
    const response = await call('POST', '/admin/tracks', admin, {
      slug: 'sneaky',
      title: 'Sneaky',
      status: 'published',
      id: RANDOM_UUID,
      currentSettingsVersion: 7,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ slug: 'sneaky', status: 'draft', currentSettingsVersion: null });
    expect(response.json().id).not.toBe(RANDOM_UUID);
  });

  it('refuse slugs that are not lowercase latin words with single hyphens', async () => {
    const before = await trackCount();
    for (const slug of [
      'Hip-Hop',
      'хип-хоп',
      'hip hop',
      'hip--hop',
      '-hip',
      'hip-',
      'hip_hop',
      'a'.repeat(81),
      '',
      'base\u0000',
      'b\u202Ease',
      'ba\u200Bse',
    ]) {
      const problem = expectProblem(
        await call('POST', '/admin/tracks', admin, { slug, title: 'T' }),
        422,
        'invalid_input',
      );
      expect(problem.errors?.map((error) => error.path)).toEqual(['/slug']);
    }
    const long = await call('POST', '/admin/tracks', admin, { slug: 'x'.repeat(100_001), title: 'T' });
    expectProblem(long, 400, 'validation_failed');
    expect(await trackCount()).toBe(before);
  });

  it('refuse control characters, direction overrides and invisible characters in titles', async () => {
    const before = await trackCount();
    for (const title of [
      'Salsa\u0000',
      '\u202Easlas',
      'Sal\u0007sa',
      'Salsa\nDrop table',
      'Sal\u200Fsa',
      'Sal\u2066sa',
      'Sal\u2028sa',
      'Sal\u00ADsa',
      'Sal\u0085sa',
    ]) {
      const problem = expectProblem(await call('POST', '/admin/tracks', admin, { slug: 'ctl', title }), 422);
      expect(problem.errors).toEqual([
        {
          path: '/title',
          message:
            'Printable characters only: control and invisible formatting characters (such as direction overrides) are not allowed.',
        },
      ]);
    }
    for (const description of ['Null \u0000 byte', 'Bell \u0007', 'Escape \u001B[31m']) {
      const problem = expectProblem(
        await call('POST', '/admin/tracks', admin, { slug: 'ctl', title: 'T', description }),
        422,
      );
      expect(problem.errors?.map((error) => error.path)).toEqual(['/description']);
    }
    expect(await trackCount()).toBe(before);
    // Markdown keeps tabs and line breaks; titles keep non-Latin letters and emoji.
    const fine = await call('POST', '/admin/tracks', admin, {
      slug: 'ctl',
      title: '  Хип-хоп — 舞蹈 🎵  ',
      description: '# Title\r\n\n\t- item',
    });
    expect(fine.statusCode, fine.body).toBe(201);
    expect(fine.json()).toMatchObject({ title: 'Хип-хоп — 舞蹈 🎵', description: '# Title\r\n\n\t- item' });
  });

  it('check lengths: a title over 200 characters or a description over 20000 is 422 with both named', async () => {
    const problem = expectProblem(
      await call('POST', '/admin/tracks', admin, {
        slug: 'long',
        title: 'x'.repeat(201),
        description: 'y'.repeat(20_001),
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { path: '/title', message: 'At most 200 characters.' },
      { path: '/description', message: 'At most 20000 characters.' },
    ]);
  });

  it('take the last of duplicated JSON keys, and change nothing when a PATCH is partly wrong', async () => {
    const before = await trackCount();
    const duplicated = await raw('POST', '/admin/tracks', admin, '{"slug":"dup-a","slug":"Dup B","title":"T"}');
    expectProblem(duplicated, 422, 'invalid_input');
    expect(await trackCount()).toBe(before);

    const patched = await call('PATCH', `/admin/tracks/${track.id}`, admin, { title: 'New title', slug: 'Bad Slug' });
    expectProblem(patched, 422, 'invalid_input');
    const status = await call('PATCH', `/admin/tracks/${track.id}`, admin, { title: 'New title', status: 'archived' });
    expectProblem(status, 400, 'validation_failed');
    // Publishing an unready track refuses the whole PATCH, the new title included.
    const publish = await call('PATCH', `/admin/tracks/${track.id}`, admin, {
      title: 'New title',
      status: 'published',
    });
    expectProblem(publish, 422);
    expect(await catalogApi(test, admin).track(track.id)).toMatchObject({ title: 'Base track', status: 'draft' });
  });
});

describe('stage and module positions', () => {
  const order = async () => (await catalogApi(test, admin).track(track.id)).stages.map((stage) => stage.id);

  it('refuse positions that are not 1..n, as 400 (not an integer) or 422 (out of range), changing nothing', async () => {
    const before = await order();
    const stage = before[0]!;
    for (const position of [2_147_483_648, -2_147_483_649, 1.5, '1e309', 'Infinity', 'abc', [1, 2], { n: 1 }]) {
      const response = await call('PATCH', `/admin/stages/${stage}`, admin, { title: 'Moved', position });
      expectProblem(response, 400, 'validation_failed');
    }
    expectProblem(await raw('PATCH', `/admin/stages/${stage}`, admin, '{"position":1e309}'), 400, 'validation_failed');
    for (const position of [0, -1, 4, 2_147_483_647, -2_147_483_648]) {
      const response = await call('PATCH', `/admin/stages/${stage}`, admin, { title: 'Moved', position });
      const problem = expectProblem(response, 422, 'invalid_input');
      expect(problem.errors).toEqual([{ path: '/position', message: 'The position is a whole number from 1 to 3.' }]);
    }
    expect(await order()).toEqual(before);
    const track1 = await catalogApi(test, admin).track(track.id);
    expect(track1.stages.map((s) => [s.position, s.title])).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [3, 'Three'],
    ]);

    const moduleId = modules[0]!.id;
    for (const position of [0, 3, -5]) {
      const response = await call('PATCH', `/admin/modules/${moduleId}`, admin, { slug: 'renamed', position });
      expectProblem(response, 422, 'invalid_input');
    }
    expectProblem(await call('PATCH', `/admin/modules/${moduleId}`, admin, { position: 1e20 }), 400);
    const after = await catalogApi(test, admin).track(track.id);
    expect(after.modules.map((m) => [m.position, m.slug])).toEqual([
      [1, 'footwork'],
      [2, 'rhythm'],
    ]);
  });

  it('refuse stage and module texts the track refuses, and module slugs taken in the track', async () => {
    const stage = stages[0]!.id;
    expectProblem(await call('PATCH', `/admin/stages/${stage}`, admin, { title: 'A\u0000' }), 422, 'invalid_input');
    expectProblem(await call('PATCH', `/admin/stages/${stage}`, admin, { title: ' ' }), 422, 'invalid_input');
    expectProblem(await call('PATCH', `/admin/stages/${stage}`, admin, { description: 'd\u0000' }), 422);
    expectProblem(await call('POST', `/admin/tracks/${track.id}/stages`, admin, { title: '\u202E' }), 422);
    expectProblem(await call('POST', `/admin/tracks/${track.id}/stages`, admin, {}), 400, 'validation_failed');
    expectProblem(await call('POST', `/admin/tracks/${track.id}/modules`, admin, { slug: 'Rhythm', title: 'R' }), 422);
    expectProblem(
      await call('POST', `/admin/tracks/${track.id}/modules`, admin, { slug: 'rhythm', title: 'R' }),
      409,
      'module_slug_taken',
    );
    expectProblem(await call('PATCH', `/admin/modules/${modules[0]!.id}`, admin, { slug: 'rhythm' }), 409);
    const after = await catalogApi(test, admin).track(track.id);
    expect(after.stages.map((s) => s.title)).toEqual(['One', 'Two', 'Three']);
    expect(after.modules.map((m) => m.slug)).toEqual(['footwork', 'rhythm']);
  });
});

describe('settings versions', () => {
  const versions = async () =>
    (await call('GET', `/admin/tracks/${track.id}/settings-versions`, admin)).json().total as number;

  it('refuse params that are not an object of known settings, each failing field named', async () => {
    const before = await versions();
    for (const params of [[], null, 'x', 12, [{ levelExam: {} }]]) {
      expectProblem(
        await call('POST', `/admin/tracks/${track.id}/settings-versions`, admin, { params }),
        400,
        'validation_failed',
      );
    }
    expectProblem(await call('POST', `/admin/tracks/${track.id}/settings-versions`, admin, {}), 400);
    const body = (params: unknown, note?: string) => ({ params, ...(note === undefined ? {} : { note }) });
    const cases: [unknown, string | undefined, string[]][] = [
      [{ levelExam: { questionCount: 1e300 } }, undefined, ['/params/levelExam/questionCount']],
      [{ levelExam: { questionCount: -1, passPercent: 1.5 } }, undefined, ['/params/levelExam/questionCount']],
      [{ levelExam: { passPercent: '70' } }, undefined, ['/params/levelExam/passPercent']],
      [{ levelExam: [] }, undefined, ['/params/levelExam']],
      [{ constructor: 'x', toString: 1 }, undefined, ['/params/constructor', '/params/toString']],
      [{ 'a/b~c': 1 }, undefined, ['/params/a~1b~0c']],
      [{ levelExam: { deep: { deeper: { deepest: {} } } } }, undefined, ['/params/levelExam/deep']],
      [smallSettings(1), 'n'.repeat(501), ['/note']],
      [smallSettings(1), 'a\u0000b', ['/note']],
    ];
    for (const [params, note, paths] of cases) {
      const response = await call('POST', `/admin/tracks/${track.id}/settings-versions`, admin, body(params, note));
      const problem = expectProblem(response, 422, 'invalid_settings');
      for (const path of paths) expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
    const nul = await call(
      'POST',
      `/admin/tracks/${track.id}/settings-versions`,
      admin,
      body(smallSettings(1), '\u0000'),
    );
    expect(expectProblem(nul, 422).errors).toEqual([{ path: '/note', message: 'Control characters are not allowed.' }]);
    expectProblem(
      await raw('POST', `/admin/tracks/${track.id}/settings-versions`, admin, '{"params":{"__proto__":{"x":1}}}'),
      400,
      'malformed_body',
    );
    expectProblem(
      await call('POST', `/admin/tracks/${track.id}/settings-versions`, admin, {
        params: {},
        note: 'n'.repeat(10_001),
      }),
      400,
    );
    expect(await versions()).toBe(before);
  });
});

describe('questions', () => {
  const create = (overrides: Record<string, unknown>) =>
    call('POST', '/admin/questions', admin, draftQuestion(overrides));
  const issues = async (overrides: Record<string, unknown>) => {
    const problem = expectProblem(await create(overrides), 422, 'invalid_question');
    return problem.errors ?? [];
  };

  it('refuse option lists and correct indexes the bank does not take, naming the field', async () => {
    const before = await questionCount();
    expect(await issues({ options: [] })).toContainEqual({
      path: '/options',
      message: 'There are 0 options; a question needs 2 to 10.',
    });
    expect(await issues({ options: ['Only'] })).toContainEqual({
      path: '/options',
      message: 'There are 1 options; a question needs 2 to 10.',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `Option ${i}`);
    expect(await issues({ options: eleven })).toContainEqual({
      path: '/options',
      message: 'There are 11 options; at most 10 are allowed.',
    });
    expect(await issues({ options: ['Same', ' Same '] })).toContainEqual({
      path: '/options/1',
      message: 'Option 2 repeats another option.',
    });
    expect(await issues({ options: ['A', ''] })).toContainEqual({ path: '/options/1', message: 'Option 2 is empty.' });
    expect(await issues({ correct: [3] })).toContainEqual({
      path: '/correct/0',
      message: 'Correct option 4 is not one of the options.',
    });
    expect(await issues({ correct: [] })).toContainEqual({ path: '/correct', message: 'No option is marked correct.' });
    expect(await issues({ correct: [0, 0], kind: 'multiple' })).toContainEqual({
      path: '/correct/1',
      message: 'Correct option 1 is given twice.',
    });
    expect(await issues({ correct: [0, 1] })).toContainEqual({
      path: '/correct',
      message: 'A single-answer question needs exactly one correct option.',
    });
    for (const overrides of [
      { options: Array.from({ length: 51 }, (_, i) => `o${i}`) },
      { correct: [-1] },
      { correct: [1001] },
      { correct: [0.5] },
      { correct: ['first'] },
      { options: [{ text: 'A' }, 'B'] },
      { kind: 'essay' },
      { trackId: 'base' },
      { moduleId: 'not-a-uuid' },
      { stageId: 'stage-1' },
      { text: 'x'.repeat(40_001) },
      { text: { markdown: 'Which?' } },
    ]) {
      expectProblem(await create(overrides), 400, 'validation_failed');
    }
    expect(await questionCount()).toBe(before);
  });

  it('refuse control characters in every text field, and places of another track', async () => {
    const before = await questionCount();
    expect(await issues({ text: 'Which\u0000?' })).toEqual([
      { path: '/text', message: 'The question text contains control characters.' },
    ]);
    expect(await issues({ name: 'N\u0000' })).toEqual([
      { path: '/name', message: 'The name contains control characters.' },
    ]);
    expect(await issues({ explanation: '\u001B[2J' })).toEqual([
      { path: '/explanation', message: 'The explanation contains control characters.' },
    ]);
    expect(await issues({ options: ['A', 'B\u0000'] })).toEqual([
      { path: '/options/1', message: 'Option 2 contains control characters.' },
    ]);
    expect(await issues({ text: 'x'.repeat(20_001) })).toEqual([
      { path: '/text', message: 'The question text is longer than 20000 characters.' },
    ]);
    expect(await issues({ text: ' \n\t ' })).toEqual([{ path: '/text', message: 'The question text is empty.' }]);
    expect(await issues({ trackId: RANDOM_UUID })).toContainEqual({
      path: '/trackId',
      message: 'There is no such track.',
    });
    const other = await catalogApi(test, admin).createTrack('other-track');
    const foreign = await catalogApi(test, admin).addModule(other.id, 'foreign');
    expect(await issues({ moduleId: foreign.id })).toEqual([
      { path: '/moduleId', message: "The module is not one of the question's track." },
    ]);
    expect(await questionCount()).toBe(before);
  });

  it('take ids in upper case as the same ids, and multi-line Markdown with tabs', async () => {
    const response = await create({
      trackId: track.id.toUpperCase(),
      moduleId: modules[1]!.id.toUpperCase(),
      stageId: stages[1]!.id.toUpperCase(),
      text: 'Line one\r\n\tline two',
      options: ['Yes', 'No'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ trackId: track.id, moduleId: modules[1]!.id, stageId: stages[1]!.id });
    expect((await call('DELETE', `/admin/questions/${response.json().id}`, admin)).statusCode).toBe(204);
  });

  it('leave a question as it was when an edit is refused', async () => {
    const before = (await call('GET', `/admin/questions/${questionId}`, admin)).json();
    for (const changes of [
      { text: 'Changed', options: Array.from({ length: 11 }, (_, i) => `o${i}`) },
      { text: 'Changed', correct: [7] },
      { text: 'Changed', moduleId: RANDOM_UUID },
      { text: 'Changed\u0000' },
    ]) {
      expectProblem(await call('PATCH', `/admin/questions/${questionId}`, admin, changes), 422, 'invalid_question');
    }
    for (const body of ['[]', '{"text":{}}', '{"kind":"essay"}', '{"__proto__":{"text":"x"}}']) {
      const response = await raw('PATCH', `/admin/questions/${questionId}`, admin, body);
      expect(response.statusCode, response.body).toBe(400);
      expectProblem(response, 400);
    }
    expect((await call('GET', `/admin/questions/${questionId}`, admin)).json()).toEqual(before);
  });
});

describe('import and export', () => {
  const GIFT = '::One::Which step?{=Kick ~Touch}\n';
  const fields = (extra: Record<string, string> = {}): Part[] =>
    Object.entries({ trackId: track.id, moduleId: modules[0]!.id, format: 'gift', ...extra }).map(([name, value]) => ({
      name,
      value,
    }));
  const file = (content: string | Buffer, fileName = 'questions.gift'): Part => ({ name: 'file', fileName, content });

  it('refuse a request that is not one readable UTF-8 file, storing nothing', async () => {
    const before = await questionCount();
    const notMultipart = await call('POST', '/admin/questions/import', admin, { trackId: track.id });
    expectProblem(notMultipart, 415, 'unsupported_media_type');
    expectProblem(await importParts(test, admin, fields()), 400, 'file_missing');
    expectProblem(
      await importParts(test, admin, [...fields(), { name: 'other', fileName: 'a.gift', content: GIFT }]),
      400,
    );
    const two = await importParts(test, admin, [...fields(), file(GIFT), file(GIFT, 'second.gift')]);
    expect(expectProblem(two, 400, 'malformed_body').detail).toBe(
      'The import takes one file: attach it as the file field.',
    );
    const latin1 = await importParts(test, admin, [...fields(), file(Buffer.from('Caf\xe9 {=a ~b}', 'latin1'))]);
    expectProblem(latin1, 422, 'file_not_utf8');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    expectProblem(await importParts(test, admin, [...fields(), file(binary, 'image.png')]), 422, 'file_not_utf8');
    const big = await importParts(test, admin, [...fields(), file(Buffer.alloc(6 * 1024 * 1024, 'a'))]);
    expect(expectProblem(big, 413, 'payload_too_large').detail).toBe(
      'The file is larger than 5242880 bytes. Split it into parts.',
    );
    const truncated = multipartTruncated([...fields(), file(GIFT)]);
    const cut = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/questions/import',
      headers: { 'accept-language': 'en', 'content-type': truncated.contentType, ...admin.auth },
      payload: truncated.payload,
    });
    expect(cut.statusCode, cut.body).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);
    const manyFields = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, value: 'x' }));
    expectProblem(await importParts(test, admin, [...manyFields, file(GIFT)]), 400, 'malformed_body');
    expect(await questionCount()).toBe(before);
  });

  it('name the import fields that are wrong', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ trackId: 'not-a-uuid' }, '/trackId'],
      [{ trackId: '' }, '/trackId'],
      [{ moduleId: '%00' }, '/moduleId'],
      [{ stageId: '1' }, '/stageId'],
      [{ format: 'exe' }, '/format'],
      [{ format: 'x'.repeat(1000) }, '/format'],
      [{ dryRun: 'maybe' }, '/dryRun'],
      [{ partial: '2' }, '/partial'],
    ];
    for (const [extra, path] of cases) {
      const problem = expectProblem(await importParts(test, admin, [...fields(extra), file(GIFT)]), 400);
      expect(problem.code).toBe('import_field_invalid');
      expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
    expectProblem(
      await importParts(test, admin, [...fields({ trackId: RANDOM_UUID }), file(GIFT)]),
      404,
      'track_not_found',
    );
    const foreign = await importParts(test, admin, [...fields({ moduleId: RANDOM_UUID }), file(GIFT)]);
    expectProblem(foreign, 422, 'invalid_import');
    // A repeated field counts once: the first.
    const repeated = await importParts(test, admin, [
      ...fields({ dryRun: 'true' }),
      { name: 'dryRun', value: 'false' },
      file(GIFT),
    ]);
    expect(repeated.statusCode, repeated.body).toBe(200);
    expect(repeated.json()).toMatchObject({ dryRun: true, stored: false, imported: 1 });
  });

  it('report odd files line by line instead of failing: empty, nested braces, a NUL, 10000 columns, a 1 MB line', async () => {
    const before = await questionCount();
    const report = async (content: string, format = 'gift') => {
      const started = Date.now();
      const response = await importParts(test, admin, [...fields({ format }), file(content, `q.${format}`)]);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(Date.now() - started).toBeLessThan(5000);
      const body = response.json();
      expect(body).toMatchObject({ dryRun: false, stored: false, imported: 0, questions: [] });
      return body.rejected as { line: number; reason: string; message: string }[];
    };
    expect(await report('')).toEqual([{ line: 1, reason: 'no_questions', message: 'The file holds no questions.' }]);
    expect((await report(`${'{'.repeat(100_000)}=a${'}'.repeat(100_000)}`)).length).toBeGreaterThan(0);
    expect((await report('{='.repeat(500_000))).length).toBeGreaterThan(0);
    expect(await report('::N::Which\u0000?{=a ~b}')).toEqual([
      { line: 1, reason: 'text_control_characters', message: 'The question text contains control characters.' },
    ]);
    expect(await report('::N::Which?{=a ~b\u0000c}')).toEqual([
      { line: 1, reason: 'option_control_characters', message: 'Option 2 contains control characters.' },
    ]);
    const wide = `${['text', 'correct', 'option1', 'option2', ...Array.from({ length: 10_000 }, (_, i) => `extra${i}`)].join(',')}\n`;
    expect((await report(`${wide}Which?,1,A\u0000,B\n`, 'csv')).map((r) => r.reason)).toEqual([
      'option_control_characters',
    ]);
    expect((await report(`${'x'.repeat(1024 * 1024)}\n`, 'csv')).length).toBeGreaterThan(0);
    expect((await report('"'.repeat(1024 * 1024), 'csv')).length).toBeGreaterThan(0);
    expect((await report(`${'y'.repeat(1024 * 1024)}\nA. a\nANSWER: B\n`, 'aiken')).length).toBeGreaterThan(0);
    expect(await questionCount()).toBe(before);
  });

  it('import 5000 GIFT questions in one go, quickly, and export them back', async () => {
    const target = await catalogApi(test, admin).createTrack('big-bank');
    const module = await catalogApi(test, admin).addModule(target.id, 'bulk');
    const content = Array.from({ length: 5000 }, (_, i) => `::Q${i}::Question number ${i}?{=Yes ~No ~Maybe}`).join(
      '\n\n',
    );
    const started = Date.now();
    const response = await importParts(test, admin, [
      { name: 'trackId', value: target.id },
      { name: 'moduleId', value: module.id },
      { name: 'format', value: 'gift' },
      file(content, 'bulk.gift'),
    ]);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.json()).toMatchObject({ stored: true, imported: 5000, rejected: [] });
    expect(await questionCount(target.id)).toBe(5000);
    const exported = await call('GET', `/admin/questions/export?trackId=${target.slug}`, admin);
    expect(exported.statusCode).toBe(200);
    expect(exported.body.match(/^::Q\d+::/gm)).toHaveLength(5000);
  });

  it('keep the audit readable when the file name holds control characters', async () => {
    const response = await importParts(test, admin, [
      ...fields(),
      file('::Audited::Which?{=a ~b}', 'evil\u0000name\u202E.gift'),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ stored: true, imported: 1 });
    const event = await test.container.db
      .selectFrom('auditEvents')
      .select('details')
      .where('action', '=', 'questions.imported')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ fileName: 'evilname.gift' });
  });

  it('export by id or slug; anything else is 400 or 404', async () => {
    expectProblem(await call('GET', '/admin/questions/export', admin), 400, 'validation_failed');
    expectProblem(await call('GET', '/admin/questions/export?trackId=', admin), 400, 'validation_failed');
    expectProblem(await call('GET', `/admin/questions/export?trackId=${'x'.repeat(101)}`, admin), 400);
    expectProblem(await call('GET', `/admin/questions/export?trackId=base&format=csv`, admin), 400);
    for (const bad of ['%00', 'ba%00se', RANDOM_UUID, 'BASE', "base'--"]) {
      expectProblem(await call('GET', `/admin/questions/export?trackId=${bad}`, admin), 404, 'track_not_found');
    }
    expect((await call('GET', `/admin/questions/export?trackId=${track.id.toUpperCase()}`, admin)).statusCode).toBe(
      200,
    );
  });
});

describe('what students and guests see', () => {
  let published: { id: string; slug: string };
  let draft: { id: string; slug: string };

  beforeAll(async () => {
    const api = catalogApi(test, admin);
    published = await api.createTrack('open-track', 'Open track');
    await api.addStage(published.id, 'Basics');
    const module = await api.addModule(published.id, 'footwork', 'Footwork');
    await insertQuestions(test, { trackId: published.id, moduleId: module.id }, 2);
    const created = await call('POST', '/admin/questions', admin, {
      ...draftQuestion(),
      trackId: published.id,
      moduleId: module.id,
      stageId: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    await api.expectStatus(200, api.activate(published.id, await api.createVersion(published.id, smallSettings(2))));
    await api.expectStatus(200, api.call('PATCH', `/admin/tracks/${published.id}`, { status: 'published' }));
    draft = await api.createTrack('secret-draft', 'Secret draft');
    await api.addStage(draft.id, 'Hidden stage');
  });

  const requests = (): [string, string, unknown][] => [
    ['GET', '/tracks', undefined],
    ['GET', '/tracks?limit=100', undefined],
    ['GET', '/tracks/open-track', undefined],
    ['GET', '/tracks/secret-draft', undefined],
    ['GET', '/admin/tracks', undefined],
    ['GET', `/admin/tracks/${published.id}`, undefined],
    ['GET', `/admin/tracks/${published.id}/settings-versions`, undefined],
    ['GET', '/admin/questions', undefined],
    ['GET', `/admin/questions?trackId=${published.id}`, undefined],
    ['GET', `/admin/questions/${questionId}`, undefined],
    ['GET', `/admin/questions/export?trackId=${published.id}`, undefined],
    ['POST', '/admin/questions', { ...draftQuestion() }],
    ['PATCH', `/admin/questions/${questionId}`, { text: 'Hacked?' }],
    ['POST', `/admin/questions/${questionId}/retire`, undefined],
    ['DELETE', `/admin/questions/${questionId}`, undefined],
  ];

  it('never show a student or a guest correct options, and refuse them the bank (403 / 401)', async () => {
    for (const user of [staff.student, undefined]) {
      for (const [method, url, body] of requests()) {
        const response = await call(method as 'GET', url, user, body);
        expect(response.body, `${method} ${url}`).not.toMatch(/"correct"|Zebra-correct-answer/);
        if (url.startsWith('/admin/')) expectProblem(response, user ? 403 : 401);
      }
      const upload = await importParts(test, user, [
        { name: 'trackId', value: track.id },
        { name: 'format', value: 'gift' },
        { name: 'file', fileName: 'q.gift', content: '::x::Which?{=a ~b}' },
      ]);
      expectProblem(upload, user ? 403 : 401);
      expect(upload.body).not.toContain('correct');
    }
    expect(await questionCount()).toBe(2);
    expect((await call('GET', `/admin/questions/${questionId}`, admin)).json()).toMatchObject({ status: 'active' });
  });

  it('never list or show a draft on the public endpoints', async () => {
    for (const user of [staff.student, undefined, admin]) {
      const list = await call('GET', '/tracks?limit=100', user);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((item: { slug: string }) => item.slug)).toEqual(['open-track']);
      expect(list.json().total).toBe(1);
      expectProblem(await call('GET', '/tracks/secret-draft', user), 404, 'track_not_found');
      expectProblem(await call('GET', `/tracks/${draft.id}`, user), 404, 'track_not_found');
      const open = await call('GET', '/tracks/open-track', user);
      expect(open.statusCode).toBe(200);
      expect(Object.keys(open.json()).sort()).toEqual(['description', 'id', 'modules', 'slug', 'stages', 'title']);
    }
    const unpublished = await call('PATCH', `/admin/tracks/${published.id}`, admin, { status: 'draft' });
    expect(unpublished.statusCode).toBe(200);
    expectProblem(await call('GET', '/tracks/open-track'), 404, 'track_not_found');
    expect((await call('GET', '/tracks')).json()).toEqual({ items: [], total: 0 });
    expect((await call('PATCH', `/admin/tracks/${published.id}`, admin, { status: 'published' })).statusCode).toBe(200);
  });
});

/** A multipart body cut off in the middle of its file. */
function multipartTruncated(parts: readonly Part[]) {
  const body = multipartOf(parts);
  return { ...body, payload: body.payload.subarray(0, body.payload.length - 30) };
}
