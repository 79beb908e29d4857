import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { type Api, catalogApi, insertQuestions, smallSettings } from './support.ts';

describe('tracks API', () => {
  let test: TestApp;
  let staff: Staff;
  let api: Api;
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
    api = catalogApi(test, staff.admin);
  });
  afterAll(async () => test?.close());

  /** A track that can be published: one stage, one module, a current version and enough questions. */
  async function publishableTrack(slug: string) {
    const { id } = await api.createTrack(slug, `Published ${slug}`);
    await api.addStage(id, 'Basics');
    const module = await api.addModule(id, 'footwork', 'Footwork');
    await insertQuestions(test, { trackId: id, moduleId: module.id }, 2);
    const version = await api.createVersion(id, smallSettings(2));
    await api.expectStatus(200, api.activate(id, version));
    return id;
  }

  it('creates a draft track (201, Location, no-store) and shows it in full', async () => {
    const response = await api.call('POST', '/admin/tracks', {
      slug: 'hip-hop',
      title: '  Hip-hop  ',
      description: 'Moves **and** grooves',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const track = response.json();
    expect(response.headers.location).toBe(`/api/v1/admin/tracks/${track.id}`);
    expect(track).toMatchObject({
      slug: 'hip-hop',
      title: 'Hip-hop',
      description: 'Moves **and** grooves',
      status: 'draft',
      currentSettingsVersion: null,
      publishedAt: null,
      stages: [],
      modules: [],
      readiness: {
        canPublish: false,
        blockers: [
          { code: 'stages_required', message: 'Добавьте хотя бы один этап.', errors: [] },
          { code: 'modules_required', message: 'Добавьте хотя бы один модуль.', errors: [] },
          { code: 'settings_required', errors: [] },
        ],
      },
    });
  });

  it('reports every invalid field of a track at once (422) and a taken slug (409)', async () => {
    const invalid = await api.call('POST', '/admin/tracks', {
      slug: 'Bad Slug!',
      title: '   ',
      description: 'x'.repeat(20_001),
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'invalid_input',
      errors: [
        { path: '/title', message: 'Обязательное поле.' },
        { path: '/slug', message: expect.stringContaining('строчные латинские буквы') },
        { path: '/description', message: 'Не длиннее 20000 символов.' },
      ],
    });
    const tooLong = await api.call('POST', '/admin/tracks', { slug: 'a'.repeat(81), title: 'x' });
    expect(tooLong.json().errors).toEqual([{ path: '/slug', message: 'Не длиннее 80 символов.' }]);

    await api.createTrack('taken');
    const taken = await api.call('POST', '/admin/tracks', { slug: 'taken', title: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'slug_taken', detail: 'Адрес «taken» уже занят другим треком.' });
    const other = await api.createTrack('other');
    const renamed = await api.call('PATCH', `/admin/tracks/${other.id}`, { slug: 'taken' });
    expect(renamed.statusCode).toBe(409);
  });

  it('edits title, slug and description', async () => {
    const { id } = await api.createTrack('editable');
    const response = await api.call('PATCH', `/admin/tracks/${id}`, {
      slug: 'edited',
      title: 'Edited',
      description: 'New text',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ slug: 'edited', title: 'Edited', description: 'New text' });
    const same = await api.call('PATCH', `/admin/tracks/${id}`, { slug: 'edited' });
    expect(same.statusCode).toBe(200);
  });

  it('lists every track for staff with a status filter and search', async () => {
    const published = await publishableTrack('listed-published');
    await api.expectStatus(200, api.call('PATCH', `/admin/tracks/${published}`, { status: 'published' }));
    await api.createTrack('listed-draft', 'Listed draft');
    const all = await api.expectStatus(200, api.call('GET', '/admin/tracks?q=listed'));
    expect(all.json().total).toBe(2);
    expect(
      all
        .json()
        .items.map((item: { slug: string }) => item.slug)
        .sort(),
    ).toEqual(['listed-draft', 'listed-published']);
    const drafts = (await api.call('GET', '/admin/tracks?q=listed&status=draft')).json();
    expect(drafts.items).toEqual([expect.objectContaining({ slug: 'listed-draft', status: 'draft', stageCount: 0 })]);
    const live = (await api.call('GET', '/admin/tracks?status=published&q=listed')).json();
    expect(live.items).toEqual([
      expect.objectContaining({
        id: published,
        status: 'published',
        stageCount: 1,
        moduleCount: 1,
        currentSettingsVersion: 1,
      }),
    ]);
    // By title: "Listed draft" before "Published listed-published".
    const paged = (await api.call('GET', '/admin/tracks?limit=1&offset=1&q=listed')).json();
    expect(paged).toMatchObject({ total: 2, items: [{ slug: 'listed-published' }] });
    expect((await api.call('GET', '/admin/tracks?status=archived')).statusCode).toBe(400);
  });

  it('publishes a ready track and audits it; public endpoints show published tracks only', async () => {
    const id = await publishableTrack('public-one');
    await api.createTrack('secret-draft', 'Secret draft');
    const ready = await api.track(id);
    expect(ready.readiness).toEqual({ canPublish: true, blockers: [] });

    const published = await api.call('PATCH', `/admin/tracks/${id}`, { status: 'published' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    const guest = catalogApi(test);
    const list = await guest.expectStatus(200, guest.call('GET', '/tracks?limit=100'));
    const slugs = list.json().items.map((item: { slug: string }) => item.slug);
    expect(slugs).toContain('public-one');
    expect(slugs).not.toContain('secret-draft');
    expect(list.json().items.find((item: { slug: string }) => item.slug === 'public-one')).toEqual({
      id,
      slug: 'public-one',
      title: 'Published public-one',
      description: '# About',
      stageCount: 1,
      moduleCount: 1,
    });
    const one = await guest.expectStatus(200, guest.call('GET', '/tracks/public-one'));
    expect(one.json()).toEqual({
      id,
      slug: 'public-one',
      title: 'Published public-one',
      description: '# About',
      stages: [{ id: expect.any(String), position: 1, title: 'Basics', description: '' }],
      modules: [{ id: expect.any(String), slug: 'footwork', position: 1, title: 'Footwork', description: '' }],
    });
    expect((await guest.call('GET', '/tracks/secret-draft')).statusCode).toBe(404);
    expect((await guest.call('GET', '/tracks/no-such-track')).statusCode).toBe(404);

    const unpublished = await api.call('PATCH', `/admin/tracks/${id}`, { status: 'draft' });
    expect(unpublished.json()).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await guest.call('GET', '/tracks/public-one')).statusCode).toBe(404);

    const audit = await test.app.inject({
      url: `/api/v1/admin/audit-events?subjectId=${id}`,
      headers: staff.owner.auth,
    });
    const actions = audit
      .json()
      .items.map((event: { action: string; details: unknown }) => [event.action, event.details]);
    expect(actions).toEqual([
      ['track.unpublished', { slug: 'public-one', settingsVersion: 1 }],
      ['track.published', { slug: 'public-one', settingsVersion: 1 }],
      ['settings.activated', { slug: 'public-one', version: 1, previous: null }],
      ['settings.version_created', { slug: 'public-one', version: 1 }],
    ]);
  });

  it('refuses to publish without stages, modules or current settings, naming what is missing', async () => {
    const { id } = await api.createTrack('incomplete');
    const publish = () => api.call('PATCH', `/admin/tracks/${id}`, { status: 'published', title: 'Not saved' });
    expect((await publish()).json()).toMatchObject({ status: 422, code: 'stages_required' });
    await api.addStage(id, 'One');
    expect((await publish()).json()).toMatchObject({ status: 422, code: 'modules_required' });
    const module = await api.addModule(id, 'one');
    const noSettings = await publish();
    expect(noSettings.json()).toMatchObject({
      status: 422,
      code: 'settings_required',
      detail: 'Нет текущей версии настроек: создайте версию и активируйте её.',
    });
    await api.createVersion(id, smallSettings(1));
    expect((await publish()).json().code).toBe('settings_required');
    await insertQuestions(test, { trackId: id, moduleId: module.id }, 1);
    await api.expectStatus(200, api.activate(id, 1));
    await api.addModule(id, 'two');
    // Version 1 still fits two modules, but the diagnostic needs a question of the new one.
    const short = await publish();
    expect(short.json()).toMatchObject({
      status: 422,
      code: 'question_bank_too_small',
      detail:
        'В банке не хватает вопросов, чтобы собрать каждый экзамен: этап 1, модуль «two» — вопросов 0, нужно 1. Всего нехваток: 1.',
      errors: [{ path: '/diagnostic/modules/two', message: 'Диагностика, модуль «two»: вопросов 0, нужно 1.' }],
    });
    expect((await api.track(id)).title).toBe('Track incomplete');
  });

  it('deletes a draft without questions (with its stages, modules and versions), never a published or used one', async () => {
    const { id } = await api.createTrack('doomed');
    await api.addStage(id, 'Stage');
    await api.addModule(id, 'module');
    await api.createVersion(id, smallSettings(1));
    await api.expectStatus(204, api.call('DELETE', `/admin/tracks/${id}`));
    expect((await api.call('GET', `/admin/tracks/${id}`)).statusCode).toBe(404);
    const rows = await test.container.db
      .selectFrom('settingsVersions')
      .select('version')
      .where('trackId', '=', id)
      .execute();
    expect(rows).toEqual([]);

    const live = await publishableTrack('live');
    await api.expectStatus(200, api.call('PATCH', `/admin/tracks/${live}`, { status: 'published' }));
    const refused = await api.call('DELETE', `/admin/tracks/${live}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'track_not_draft' });
    await api.expectStatus(200, api.call('PATCH', `/admin/tracks/${live}`, { status: 'draft' }));
    const used = await api.call('DELETE', `/admin/tracks/${live}`);
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({
      code: 'track_in_use',
      detail: 'Трек нельзя удалить: в банке есть его вопросы (2).',
    });
    await api.track(live);

    const audit = await test.app.inject({
      url: `/api/v1/admin/audit-events?subjectId=${id}`,
      headers: staff.owner.auth,
    });
    expect(audit.json().items[0]).toMatchObject({ action: 'track.deleted', details: { slug: 'doomed' } });
  });

  it('offers its use cases to the demo seed (an owner or admin actor) and its tracks to the bank', async () => {
    const { useCases, trackDirectory } = test.container.modules.catalog;
    const actor = { id: staff.owner.userId, role: 'owner' as const };
    const now = new Date();
    const { id } = await useCases.createTrack({ actor, slug: 'seeded', title: 'Seeded', now });
    const stage = await useCases.addStage({ actor, trackId: id, title: 'Stage', now });
    const module = await useCases.addModule({ actor, trackId: id, slug: 'module', title: 'Module', now });
    await insertQuestions(test, { trackId: id, moduleId: module.id, stageId: stage.id }, 2);
    const { version } = await useCases.createSettingsVersion({ actor, trackId: id, params: smallSettings(2), now });
    await useCases.activateSettingsVersion({ actor, trackId: id, version, now });
    await useCases.updateTrack({ actor, trackId: id, status: 'published', now });
    expect(await useCases.getPublishedTrack({ slug: 'seeded' })).toMatchObject({ id, stages: [{ title: 'Stage' }] });
    await expect(
      useCases.createTrack({
        actor: { id: staff.moderator.userId, role: 'moderator' },
        slug: 'nope',
        title: 'Nope',
        now,
      }),
    ).rejects.toMatchObject({ code: 'catalog.forbidden' });
    expect((await trackDirectory.list()).map((track) => track.slug)).toContain('seeded');
    expect(await trackDirectory.outline('seeded')).toMatchObject({ id, modules: [{ slug: 'module' }] });
  });

  it('answers English clients in English', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/tracks',
      headers: { ...staff.admin.auth, 'accept-language': 'en' },
      payload: { slug: 'taken', title: 'x' },
    });
    // The admin's saved language (Russian) wins over the header; an anonymous read shows the header's.
    expect(response.json().detail).toMatch(/уже занят/);
    const guest = await test.app.inject({ url: '/api/v1/tracks/nothing-here', headers: { 'accept-language': 'en' } });
    expect(guest.json()).toMatchObject({ status: 404, detail: 'There is no such track.' });
  });
});
