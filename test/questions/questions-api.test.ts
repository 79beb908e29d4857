import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { insertTrack, markUsed, type TestTrack } from './tracks.ts';

let test: TestApp;
let staff: Staff;
let dance: TestTrack;
let other: TestTrack;

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '10000' } });
  staff = await staffUsers(test);
  // The saved locale wins over Accept-Language: the owner reads Russian here, everyone else English.
  for (const [user, locale] of [
    [staff.owner, 'ru'],
    [staff.admin, 'en'],
    [staff.moderator, 'en'],
    [staff.student, 'en'],
  ] as const) {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.auth,
      payload: { locale },
    });
    expect(response.statusCode).toBe(200);
  }
  dance = await insertTrack(test.container.db, {
    slug: 'dance',
    stages: 3,
    modules: [
      ['footwork', 'Footwork'],
      ['rhythm', 'Rhythm'],
    ],
  });
  other = await insertTrack(test.container.db, { slug: 'other', stages: 1, modules: [['misc', 'Misc']] });
});
afterAll(async () => test?.close());

const EN = { 'accept-language': 'en' };
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, actor?: LoggedIn, payload?: object) {
  return test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...EN, ...(actor ? actor.auth : {}) },
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
}

const draft = (overrides: Record<string, unknown> = {}) => ({
  trackId: dance.id,
  moduleId: dance.modules[0]!.id,
  stageId: dance.stages[1]!.id,
  kind: 'single',
  name: 'Basic step',
  text: 'Which foot **leads**?',
  options: ['Left', 'Right', 'Either'],
  correct: [0],
  explanation: 'The *left* one.',
  ...overrides,
});

async function created(overrides: Record<string, unknown> = {}, actor: LoggedIn = staff.moderator) {
  const response = await call('POST', '/admin/questions', actor, draft(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('who may use the bank', () => {
  const endpoints = () => {
    const id = randomUUID();
    return [
      ['GET', '/admin/questions', undefined],
      ['GET', `/admin/questions/${id}`, undefined],
      ['POST', '/admin/questions', draft()],
      ['PATCH', `/admin/questions/${id}`, { text: 'x' }],
      ['POST', `/admin/questions/${id}/retire`, undefined],
      ['DELETE', `/admin/questions/${id}`, undefined],
      ['GET', `/admin/questions/export?trackId=${dance.id}`, undefined],
    ] as const;
  };

  it('anonymous callers get 401 and students 403 on every endpoint', async () => {
    for (const [method, url, payload] of endpoints()) {
      const anonymous = await call(method, url, undefined, payload);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
      const student = await call(method, url, staff.student, payload);
      expect(student.statusCode, `${method} ${url}`).toBe(403);
      expect(student.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(student.json()).toEqual({
        type: 'urn:baza:problem:forbidden',
        title: 'Forbidden',
        status: 403,
        code: 'forbidden',
        detail: 'The question bank is for moderators, admins and the owner.',
        requestId: expect.any(String),
      });
      expect(student.body).not.toContain('correct');
    }
  });

  it('moderators, admins and the owner manage questions', async () => {
    for (const actor of [staff.moderator, staff.admin, staff.owner]) {
      const question = await created({ text: `Asked by ${actor.userId}` }, actor);
      expect((await call('GET', '/admin/questions', actor)).statusCode).toBe(200);
      expect((await call('GET', `/admin/questions/${question.id}`, actor)).statusCode).toBe(200);
      expect((await call('PATCH', `/admin/questions/${question.id}`, actor, { name: 'Renamed' })).statusCode).toBe(200);
      expect((await call('POST', `/admin/questions/${question.id}/retire`, actor)).statusCode).toBe(200);
      expect((await call('DELETE', `/admin/questions/${question.id}`, actor)).statusCode).toBe(204);
      expect((await call('GET', `/admin/questions/export?trackId=${dance.id}`, actor)).statusCode).toBe(200);
    }
  });
});

describe('POST /admin/questions', () => {
  it('creates an active question, trimmed, and answers with all of it', async () => {
    const response = await call(
      'POST',
      '/admin/questions',
      staff.admin,
      draft({ name: '  Basic step ', options: [' Left', 'Right ', 'Either'], correct: [0] }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(response.headers.location).toBe(`/api/v1/admin/questions/${body.id}`);
    expect(body).toEqual({
      id: expect.any(String),
      trackId: dance.id,
      moduleId: dance.modules[0]!.id,
      stageId: dance.stages[1]!.id,
      kind: 'single',
      name: 'Basic step',
      text: 'Which foot **leads**?',
      options: ['Left', 'Right', 'Either'],
      correct: [0],
      explanation: 'The *left* one.',
      status: 'active',
      retiredAt: null,
      replacesId: null,
      usedAt: null,
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect((await call('GET', `/admin/questions/${body.id}`, staff.moderator)).json()).toEqual(body);
    const row = await test.container.db
      .selectFrom('questions')
      .select('createdBy')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.createdBy).toBe(staff.admin.userId);
  });

  it('defaults the optional fields and sorts the correct options', async () => {
    const body = await created({
      stageId: undefined,
      name: undefined,
      explanation: undefined,
      kind: 'multiple',
      correct: [2, 0],
    });
    expect(body).toMatchObject({ stageId: null, name: null, explanation: '', kind: 'multiple', correct: [0, 2] });
  });

  it('names every failing field at once, localized', async () => {
    const response = await call(
      'POST',
      '/admin/questions',
      staff.moderator,
      draft({
        moduleId: other.modules[0]!.id,
        stageId: other.stages[0]!.id,
        name: '   ',
        text: '   ',
        options: ['Left', ' Left ', '', 'x'.repeat(2001)],
        correct: [1, 1, 7],
        explanation: 'e'.repeat(20_001),
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      type: 'urn:baza:problem:invalid_question',
      title: 'The action breaks a rule',
      status: 422,
      code: 'invalid_question',
      detail: 'The question has errors: fix the fields listed in errors.',
      errors: [
        { path: '/moduleId', message: "The module is not one of the question's track." },
        { path: '/stageId', message: "The stage is not one of the question's track." },
        { path: '/text', message: 'The question text is empty.' },
        { path: '/explanation', message: 'The explanation is longer than 20000 characters.' },
        { path: '/options/1', message: 'Option 2 repeats another option.' },
        { path: '/options/2', message: 'Option 3 is empty.' },
        { path: '/options/3', message: 'Option 4 is longer than 2000 characters.' },
        { path: '/correct/1', message: 'Correct option 2 is given twice.' },
        { path: '/correct/2', message: 'Correct option 8 is not one of the options.' },
        { path: '/correct', message: 'A single-answer question needs exactly one correct option.' },
      ],
      requestId: expect.any(String),
    });
  });

  it('speaks Russian to Russian users', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/questions',
      headers: { ...staff.owner.auth, 'accept-language': 'en' },
      payload: draft({ options: ['only one'], correct: [] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { path: '/options', message: 'Вариантов ответа 1, а нужно от 2 до 10.' },
      { path: '/correct', message: 'Не отмечен ни один правильный вариант.' },
    ]);
  });

  it('refuses an unknown track as a field, and malformed bodies with 400', async () => {
    const unknown = await call('POST', '/admin/questions', staff.moderator, draft({ trackId: randomUUID() }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toContainEqual({ path: '/trackId', message: 'There is no such track.' });
    const malformed = await call(
      'POST',
      '/admin/questions',
      staff.moderator,
      draft({ kind: 'essay', options: { a: 1 } }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed' });
    expect(malformed.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['/kind', '/options']),
    );
  });
});

describe('GET /admin/questions', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const track = await insertTrack(test.container.db, {
      slug: 'search',
      stages: 2,
      modules: [
        ['alpha', 'Alpha'],
        ['beta', 'Beta'],
      ],
    });
    const make = async (key: string, overrides: Record<string, unknown>): Promise<[string, string]> => [
      key,
      (await created({ trackId: track.id, moduleId: track.modules[0]!.id, stageId: null, ...overrides })).id,
    ];
    ids = Object.fromEntries<string>([
      await make('percent', { text: 'What is 100% of x?', name: null }),
      await make('underscore', { text: 'Snake_case or camelCase?', name: null }),
      await make('option', { text: 'Pick a colour', options: ['Crimson', 'Teal'], name: null }),
      await make('named', { text: 'Plain', name: 'The Crimson question' }),
      await make('beta', { text: 'In beta', moduleId: track.modules[1]!.id, stageId: track.stages[1]!.id }),
      await make('multiple', { text: 'Many', kind: 'multiple', correct: [0, 1] }),
    ]);
    await call('POST', `/admin/questions/${ids.multiple}/retire`, staff.moderator);
    ids.track = track.id;
    ids.beta_module = track.modules[1]!.id;
    ids.stage2 = track.stages[1]!.id;
  });

  const list = async (query: string) => {
    const response = await call('GET', `/admin/questions?trackId=${ids.track}&${query}`, staff.moderator);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return response.json<{ items: { id: string }[]; total: number }>();
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it('lists a track newest first with the total', async () => {
    const page = await list('');
    expect(page.total).toBe(6);
    expect(idsOf(page)).toEqual(
      [ids.multiple, ids.beta, ids.named, ids.option, ids.underscore, ids.percent].map(String),
    );
    const second = await list('limit=2&offset=2');
    expect(second).toEqual({ items: page.items.slice(2, 4), total: 6 });
  });

  it('filters by module, stage, status and kind', async () => {
    expect(idsOf(await list(`moduleId=${ids.beta_module}`))).toEqual([ids.beta]);
    expect(idsOf(await list(`stageId=${ids.stage2}`))).toEqual([ids.beta]);
    expect(idsOf(await list('status=retired'))).toEqual([ids.multiple]);
    expect((await list('status=active')).total).toBe(5);
    expect(idsOf(await list('kind=multiple'))).toEqual([ids.multiple]);
  });

  it('searches text, name and options case-insensitively, taking % and _ literally', async () => {
    expect(idsOf(await list('q=100%25'))).toEqual([ids.percent]);
    expect(idsOf(await list('q=%25'))).toEqual([ids.percent]);
    expect(idsOf(await list('q=e_c'))).toEqual([ids.underscore]);
    expect(idsOf(await list('q=crimson'))).toEqual([ids.named, ids.option]);
    expect((await list('q=%20%20')).total).toBe(6);
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'status=gone', 'kind=essay', 'moduleId=nope']) {
      const response = await call('GET', `/admin/questions?${query}`, staff.moderator);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
  });
});

describe('GET /admin/questions/{id}', () => {
  it('is 404 for an unknown question and 400 for a malformed id', async () => {
    const missing = await call('GET', `/admin/questions/${randomUUID()}`, staff.moderator);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'question_not_found', detail: 'No such question.' });
    expect((await call('GET', '/admin/questions/not-a-uuid', staff.moderator)).statusCode).toBe(400);
  });
});

describe('PATCH /admin/questions/{id}', () => {
  it('changes an unused question in place, checking the result as a whole', async () => {
    const question = await created();
    const response = await call('PATCH', `/admin/questions/${question.id}`, staff.moderator, {
      moduleId: dance.modules[1]!.id,
      stageId: null,
      kind: 'multiple',
      options: ['Left', 'Right', 'Both'],
      correct: [2, 0],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      replaced: false,
      question: {
        ...question,
        moduleId: dance.modules[1]!.id,
        stageId: null,
        kind: 'multiple',
        options: ['Left', 'Right', 'Both'],
        correct: [0, 2],
        updatedAt: ISO,
      },
    });
    const invalid = await call('PATCH', `/admin/questions/${question.id}`, staff.moderator, { options: ['Left'] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([
      { path: '/options', message: 'There are 1 options; a question needs 2 to 10.' },
      { path: '/correct/1', message: 'Correct option 3 is not one of the options.' },
    ]);
    expect((await call('GET', `/admin/questions/${question.id}`, staff.moderator)).json().options).toEqual([
      'Left',
      'Right',
      'Both',
    ]);
  });

  it('replaces a used question with a new one and retires it in the same step', async () => {
    const question = await created();
    await markUsed(test.container.db, question.id);
    const response = await call('PATCH', `/admin/questions/${question.id}`, staff.admin, {
      text: 'Which foot leads now?',
    });
    expect(response.statusCode, response.body).toBe(200);
    const { question: replacement, replaced } = response.json();
    expect(replaced).toBe(true);
    expect(replacement).toEqual({
      ...question,
      id: expect.any(String),
      text: 'Which foot leads now?',
      replacesId: question.id,
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect(replacement.id).not.toBe(question.id);
    const old = (await call('GET', `/admin/questions/${question.id}`, staff.admin)).json();
    expect(old).toMatchObject({ status: 'retired', retiredAt: ISO, text: question.text, usedAt: ISO });

    const again = await call('PATCH', `/admin/questions/${question.id}`, staff.admin, { text: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'question_retired',
      detail: 'The question is retired and cannot be edited.',
    });
  });

  it('leaves a used question alone when the edit changes nothing', async () => {
    const question = await created();
    await markUsed(test.container.db, question.id);
    const response = await call('PATCH', `/admin/questions/${question.id}`, staff.admin, {
      text: ` ${question.text} `,
    });
    expect(response.json()).toMatchObject({ replaced: false, question: { id: question.id, status: 'active' } });
  });

  it('is 404 for an unknown question', async () => {
    const response = await call('PATCH', `/admin/questions/${randomUUID()}`, staff.admin, { text: 'x' });
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /admin/questions/{id}/retire and DELETE /admin/questions/{id}', () => {
  it('retires once: a second retire changes nothing', async () => {
    const question = await created();
    const first = await call('POST', `/admin/questions/${question.id}/retire`, staff.moderator);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ...question, status: 'retired', retiredAt: ISO, updatedAt: ISO });
    const second = await call('POST', `/admin/questions/${question.id}/retire`, staff.moderator);
    expect(second.json()).toEqual(first.json());
    expect((await call('POST', `/admin/questions/${randomUUID()}/retire`, staff.moderator)).statusCode).toBe(404);
  });

  it('deletes an unused question and refuses a used one', async () => {
    const unused = await created();
    const deleted = await call('DELETE', `/admin/questions/${unused.id}`, staff.moderator);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call('GET', `/admin/questions/${unused.id}`, staff.moderator)).statusCode).toBe(404);
    expect((await call('DELETE', `/admin/questions/${unused.id}`, staff.moderator)).statusCode).toBe(404);

    const used = await created();
    await markUsed(test.container.db, used.id);
    const refused = await call('DELETE', `/admin/questions/${used.id}`, staff.owner);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'question_used',
      detail: 'Вопрос уже использовался в попытках: его можно только снять с использования.',
    });
    expect((await call('GET', `/admin/questions/${used.id}`, staff.owner)).json().status).toBe('active');
  });
});
