import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/modules/catalog/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { type Api, catalogApi, insertQuestions, smallSettings } from './support.ts';

describe('settings versions API', () => {
  let test: TestApp;
  let staff: Staff;
  let api: Api;
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
    api = catalogApi(test, staff.admin);
  });
  afterAll(async () => test?.close());

  /** A track with `stages` stages and modules `slugs`, no questions. */
  async function trackWith(slug: string, stages: string[], slugs: string[]) {
    const { id } = await api.createTrack(slug);
    const stageIds: string[] = [];
    for (const title of stages) stageIds.push((await api.addStage(id, title)).id);
    const moduleIds: string[] = [];
    for (const module of slugs)
      moduleIds.push((await api.addModule(id, module, module[0]!.toUpperCase() + module.slice(1))).id);
    return { id, stageIds, moduleIds };
  }

  it('creates immutable versions n+1 with defaults filled; the first is not current until activated', async () => {
    const { id } = await trackWith('versions', ['One'], ['a', 'b', 'c', 'd']);
    const created = await api.call('POST', `/admin/tracks/${id}/settings-versions`, {
      params: { levelExam: { passPercent: 75 } },
      note: '  Stricter level exams ',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/admin/tracks/${id}/settings-versions/1`);
    expect(created.json()).toEqual({
      version: 1,
      current: false,
      note: 'Stricter level exams',
      createdAt: expect.any(String),
      createdBy: { id: staff.admin.userId, displayName: 'Test User' },
      params: { ...DEFAULT_SETTINGS, levelExam: { ...DEFAULT_SETTINGS.levelExam, passPercent: 75 } },
    });
    await api.createVersion(id, { approval: { required: false } });
    const history = await api.expectStatus(200, api.call('GET', `/admin/tracks/${id}/settings-versions`));
    expect(history.headers['cache-control']).toBe('no-store');
    expect(history.json()).toMatchObject({ currentVersion: null, defaults: DEFAULT_SETTINGS, total: 2 });
    expect(
      history.json().items.map((item: { version: number; current: boolean }) => [item.version, item.current]),
    ).toEqual([
      [2, false],
      [1, false],
    ]);
    expect((await api.track(id)).currentSettingsVersion).toBeNull();
  });

  it('lists every failing field at once with JSON pointers and localized messages (422)', async () => {
    const { id } = await trackWith('invalid-settings', ['One'], ['a', 'b']);
    const response = await api.call('POST', `/admin/tracks/${id}/settings-versions`, {
      params: {
        diagnostic: { questionsPerModule: 0 },
        adaptivity: { weakModules: 3 },
        content: { minitestPassPercent: 101, extraArticlesPerWeakModule: 'two' },
        levelExam: { passPercent: 0, minPerModule: 5, maxPerModule: 2, timeLimitMinutes: 601 },
        rankFinal: { questionCount: 100, revealCorrectAnswers: 'yes', cooldownMinutes: -1 },
        approval: { required: 1, auto: true },
        extra: {},
      },
      note: 'n'.repeat(501),
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'invalid_settings', detail: 'Настройки не прошли проверку: ошибок — 14.' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: '/params/diagnostic/questionsPerModule', message: 'Допустимо от 1 до 20.' },
        { path: '/params/adaptivity/weakModules', message: 'Допустимо от 0 до 2.' },
        { path: '/params/content/minitestPassPercent', message: 'Допустимо от 1 до 100.' },
        { path: '/params/content/extraArticlesPerWeakModule', message: 'Нужно целое число.' },
        { path: '/params/levelExam/passPercent', message: 'Допустимо от 1 до 100.' },
        { path: '/params/levelExam/minPerModule', message: 'Минимум (5) больше максимума (2).' },
        { path: '/params/levelExam/timeLimitMinutes', message: 'Допустимо от 1 до 600.' },
        {
          path: '/params/rankFinal/questionCount',
          message: 'При модулях: 2 — в экзамене может быть от 4 до 12 вопросов.',
        },
        { path: '/params/rankFinal/revealCorrectAnswers', message: 'Нужно true или false.' },
        { path: '/params/rankFinal/cooldownMinutes', message: 'Допустимо от 0 до 10080.' },
        { path: '/params/approval/required', message: 'Нужно true или false.' },
        { path: '/params/approval/auto', message: 'Такого параметра нет.' },
        { path: '/params/extra', message: 'Такого параметра нет.' },
        { path: '/note', message: 'Не длиннее 500 символов.' },
      ]),
    );
    expect(problem.errors).toHaveLength(14);
    const versions = await api.call('GET', `/admin/tracks/${id}/settings-versions`);
    expect(versions.json().total).toBe(0);
    expect((await api.call('POST', `/admin/tracks/${id}/settings-versions`, { params: [] })).statusCode).toBe(400);
    expect((await api.call('POST', `/admin/tracks/${id}/settings-versions`, {})).statusCode).toBe(400);
  });

  it('keeps versions immutable: the database rejects an UPDATE', async () => {
    const { id } = await trackWith('immutable', ['One'], ['a']);
    await api.createVersion(id, smallSettings(1));
    const update = sql`UPDATE settings_versions SET note = 'changed' WHERE track_id = ${id}`.execute(test.container.db);
    await expect(update).rejects.toMatchObject({ constraint: 'settings_versions_immutable' });
    const version = await api.expectStatus(200, api.call('GET', `/admin/tracks/${id}/settings-versions/1`));
    expect(version.json().note).toBe('');
  });

  it('activates a version the bank can fill, naming the stage and module short of questions otherwise', async () => {
    const { id, stageIds, moduleIds } = await trackWith('activation', ['Basics', 'Advanced'], ['footwork', 'rhythm']);
    const [footwork, rhythm] = moduleIds as [string, string];
    const params = {
      diagnostic: { questionsPerModule: 1 },
      levelExam: { questionCount: 4, minPerModule: 1, maxPerModule: 2 },
      rankFinal: { questionCount: 4, minPerModule: 1, maxPerModule: 3 },
    };
    const version = await api.createVersion(id, params, 'Small exams');
    await insertQuestions(test, { trackId: id, moduleId: footwork, stageId: null }, 2);
    await insertQuestions(test, { trackId: id, moduleId: rhythm, stageId: stageIds[0] }, 2);
    await insertQuestions(test, { trackId: id, moduleId: rhythm, stageId: stageIds[1] }, 1);
    await insertQuestions(test, { trackId: id, moduleId: rhythm, stageId: stageIds[1], status: 'retired' }, 3);

    const refused = await api.activate(id, version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'question_bank_too_small',
      detail:
        'В банке не хватает вопросов, чтобы собрать каждый экзамен: этап 2, модуль «Rhythm» — вопросов 1, нужно 2. Всего нехваток: 1.',
      errors: [
        {
          path: '/levelExam/stages/2/modules/rhythm',
          message: 'Этап 2 «Advanced», модуль «Rhythm»: вопросов 1, нужно 2.',
        },
      ],
    });
    expect((await api.track(id)).currentSettingsVersion).toBeNull();

    await insertQuestions(test, { trackId: id, moduleId: rhythm, stageId: stageIds[1] }, 1);
    const activated = await api.activate(id, version);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({ version: 1, current: true, note: 'Small exams' });
    expect((await api.activate(id, version)).statusCode).toBe(200);
    const track = await api.track(id);
    expect(track.currentSettingsVersion).toBe(1);
    expect(track.readiness).toEqual({ canPublish: true, blockers: [] });
    expect(track.modules.map((module) => module.activeQuestions)).toEqual([2, 4]);

    const audit = await test.app.inject({
      url: `/api/v1/admin/audit-events?subjectId=${id}&action=settings.activated`,
      headers: staff.owner.auth,
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('re-checks a stored version against the modules the track has now', async () => {
    const { id, moduleIds } = await trackWith('outdated', ['One'], ['a']);
    const strict = { ...smallSettings(1), levelExam: { questionCount: 1, minPerModule: 1, maxPerModule: 1 } };
    const version = await api.createVersion(id, strict);
    await insertQuestions(test, { trackId: id, moduleId: moduleIds[0]! }, 1);
    await api.expectStatus(200, api.activate(id, version));
    await api.addModule(id, 'b');

    const track = await api.track(id);
    expect(track.readiness.canPublish).toBe(false);
    expect(track.readiness.blockers).toEqual([
      {
        code: 'settings_outdated',
        message: expect.stringContaining('Версия настроек 1 больше не подходит треку'),
        errors: [
          {
            path: '/params/levelExam/questionCount',
            message: 'При модулях: 2 — в экзамене может быть от 2 до 2 вопросов.',
          },
        ],
      },
    ]);
    const publish = await api.call('PATCH', `/admin/tracks/${id}`, { status: 'published' });
    expect(publish.json()).toMatchObject({ status: 422, code: 'settings_outdated' });

    // A new version made for two modules can be activated once the bank has questions for both.
    const next = await api.createVersion(id, {
      ...strict,
      levelExam: { questionCount: 2, minPerModule: 1, maxPerModule: 1 },
    });
    const short = await api.activate(id, next);
    expect(short.json().code).toBe('question_bank_too_small');
    expect(short.json().errors.map((error: { path: string }) => error.path)).toEqual([
      '/diagnostic/modules/b',
      '/levelExam/stages/1/modules/b',
    ]);
  });
});
