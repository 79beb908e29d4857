import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { catalogApi, insertQuestions } from './support.ts';

const ENV = { RATE_LIMIT_MAX: '5000' };

describe('catalog pages', () => {
  let test: TestApp;
  let staff: Staff;
  let admin: PageBrowser;
  beforeAll(async () => {
    test = await createTestApp({ env: ENV });
    staff = await staffUsers(test);
    const english = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: staff.admin.auth,
      payload: { locale: 'en' },
    });
    expect(english.statusCode).toBe(200);
    admin = await PageBrowser.signIn(test.app, 'admin@school.test');
  });
  afterAll(async () => test?.close());

  const versionRow = (html: string, version: number) =>
    textOf(new RegExp(`<tr id="version-${version}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '').trim();
  const duplicateIds = (html: string) => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  };
  const idFromLocation = (location: unknown) => /\/admin\/tracks\/([\da-f-]{36})/.exec(String(location))?.[1] ?? '';

  it('send guests to sign in and show students and moderators the 403 page', async () => {
    const response = await test.app.inject({ url: '/admin/tracks', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?returnTo=%2Fadmin%2Ftracks');
    for (const email of ['student@school.test', 'moderator@school.test']) {
      const browser = await PageBrowser.signIn(test.app, email);
      const page = await browser.get('/admin/tracks');
      expect(page.statusCode).toBe(403);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(textOf(page.body)).toContain('Каталогом управляют администраторы и владелец.');
      const post = await browser.post('/admin/tracks', { slug: 'sneaky', title: 'Sneaky' });
      expect(post.statusCode).toBe(403);
    }
    expect((await catalogApi(test, staff.admin).call('GET', '/admin/tracks?q=sneaky')).json().total).toBe(0);
  });

  it('create a track, show the form again with every error, and refuse a taken slug', async () => {
    const list = await admin.get('/admin/tracks');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(
      '<h1 class="h2 mb-4 d-flex flex-wrap align-items-center gap-2"><span>Track catalog</span>',
    );
    expect(list.body).toContain('<label class="form-label" for="new-track-slug">Address (slug)</label>');

    const invalid = await admin.post('/admin/tracks', { slug: 'Bad slug', title: ' ', description: 'Kept' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Fix the fields with errors (2).');
    expect(invalid.body).toMatch(
      /id="new-track-slug"[^>]*aria-invalid="true"[^>]*aria-describedby="new-track-slug-hint new-track-slug-error"/,
    );
    expect(invalid.body).toContain(
      '<div id="new-track-title-field-error" class="invalid-feedback d-block">Required.</div>',
    );
    expect(invalid.body).toContain('value="Bad slug"');
    expect(invalid.body).toContain('>Kept</textarea>');

    const created = await admin.post('/admin/tracks', {
      slug: 'salsa',
      title: 'Salsa',
      description: 'Learn **salsa**',
    });
    expect(created.statusCode, created.body).toBe(303);
    const page = await admin.follow(created);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('The track was created. Add stages, modules and settings.');
    expect(text).toContain('Missing: Add at least one stage.');
    expect(text).toContain('Missing: There is no current settings version: create one and activate it.');
    expect(page.body).toContain(`href="/admin/questions?trackId=${idFromLocation(created.headers.location)}"`);
    expect(page.body).toContain(`href="/admin/tracks/${idFromLocation(created.headers.location)}/settings"`);

    const taken = await admin.post('/admin/tracks', { slug: 'salsa', title: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain(
      '<div id="new-track-slug-error" class="invalid-feedback d-block">Another track already has the address “salsa”.</div>',
    );
  });

  it('build a track: stages and modules added, edited, moved and refused deletes explained', async () => {
    const created = await admin.post('/admin/tracks', { slug: 'tango', title: 'Tango' });
    const id = idFromLocation(created.headers.location);
    for (const title of ['Walk', 'Ocho', 'Giro']) {
      const added = await admin.post(`/admin/tracks/${id}/stages`, { title });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe(`/admin/tracks/${id}`);
    }
    const badModule = await admin.post(`/admin/tracks/${id}/modules`, { slug: '', title: 'Embrace' });
    expect(badModule.statusCode).toBe(422);
    expect(badModule.body).toMatch(/id="new-module-slug"[^>]*aria-invalid="true"/);
    for (const [slug, title] of [
      ['embrace', 'Embrace'],
      ['musicality', 'Musicality'],
    ] as const) {
      expect((await admin.post(`/admin/tracks/${id}/modules`, { slug, title })).statusCode).toBe(303);
    }
    const track = await catalogApi(test, staff.admin).track(id);
    const [walk, , giro] = track.stages;
    const moved = await admin.post(`/admin/stages/${giro!.id}/move`, { position: '1', trackId: id });
    const afterMove = await admin.follow(moved);
    expect(textOf(afterMove.body)).toContain('The stage was moved.');
    expect((await catalogApi(test, staff.admin).track(id)).stages.map((stage) => stage.title)).toEqual([
      'Giro',
      'Walk',
      'Ocho',
    ]);
    expect(afterMove.body).toMatch(
      /<button type="submit" class="btn btn-sm btn-outline-light" disabled>Up<span class="visually-hidden">: Giro<\/span>/,
    );

    const renamed = await admin.post(`/admin/stages/${walk!.id}`, {
      title: 'Caminata',
      description: 'Slow',
      trackId: id,
    });
    expect(renamed.statusCode).toBe(303);
    const emptyTitle = await admin.post(`/admin/stages/${walk!.id}`, { title: '', description: 'x', trackId: id });
    expect(emptyTitle.statusCode).toBe(422);
    expect(emptyTitle.body).toMatch(/<details class="mt-2" open>/);
    expect(emptyTitle.body).toContain(
      `<div id="stage-${walk!.id}-title-error" class="invalid-feedback d-block">Required.</div>`,
    );

    const embrace = track.modules[0]!;
    await insertQuestions(test, { trackId: id, moduleId: embrace.id }, 2);
    const refused = await admin.post(`/admin/modules/${embrace.id}/delete`, { trackId: id });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(`id="module-${embrace.id}-error"`);
    expect(textOf(refused.body)).toContain('The module cannot be deleted: questions use it (2).');
    const deleted = await admin.post(`/admin/modules/${track.modules[1]!.id}/delete`, { trackId: id });
    expect(textOf((await admin.follow(deleted)).body)).toContain('The module was deleted.');
  });

  it('settings: a 422 form marks every failing field, then create, activate (with the bank checked), compare, publish', async () => {
    const created = await admin.post('/admin/tracks', {
      slug: 'waltz',
      title: 'Waltz',
      description: 'Three **beats**',
    });
    const id = idFromLocation(created.headers.location);
    await admin.post(`/admin/tracks/${id}/stages`, { title: 'Box step' });
    await admin.post(`/admin/tracks/${id}/modules`, { slug: 'footwork', title: 'Footwork' });
    const api = catalogApi(test, staff.admin);
    const track = await api.track(id);

    const settings = await admin.get(`/admin/tracks/${id}/settings`);
    expect(settings.statusCode).toBe(200);
    expect(textOf(settings.body)).toContain('No versions yet: create the first one below.');
    expect(textOf(settings.body)).toContain('Filled in with the defaults. Modules in the track: 1.');
    expect(settings.body).toMatch(/id="setting-levelExam-passPercent"[^>]*value="70"/);

    const form = {
      'diagnostic.questionsPerModule': '1',
      'adaptivity.weakModules': '1',
      'content.extraArticlesPerWeakModule': '1',
      'content.minitestPassPercent': '70',
      'levelExam.questionCount': '3',
      'levelExam.minPerModule': '1',
      'levelExam.maxPerModule': '3',
      'levelExam.passPercent': '70',
      'levelExam.timeLimitMinutes': '30',
      'levelExam.cooldownMinutes': '0',
      'rankFinal.questionCount': '3',
      'rankFinal.minPerModule': '1',
      'rankFinal.maxPerModule': '3',
      'rankFinal.passPercent': '80',
      'rankFinal.timeLimitMinutes': '60',
      'rankFinal.cooldownMinutes': '0',
      'approval.required': 'true',
      note: 'Small exams',
    };
    const invalid = await admin.post(`/admin/tracks/${id}/settings-versions`, {
      ...form,
      'levelExam.passPercent': '150',
      'rankFinal.timeLimitMinutes': 'soon',
      'adaptivity.weakModules': '2',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('The settings are invalid: 3 errors.');
    for (const [field, message] of [
      ['levelExam-passPercent', 'From 1 to 100.'],
      ['rankFinal-timeLimitMinutes', 'A whole number is needed.'],
      ['adaptivity-weakModules', 'From 0 to 1.'],
    ]) {
      expect(invalid.body).toMatch(
        new RegExp(`id="setting-${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="setting-${field}-error"`),
      );
      expect(invalid.body).toContain(
        `<div id="setting-${field}-error" class="invalid-feedback d-block">${message}</div>`,
      );
    }
    expect(invalid.body).toMatch(/id="setting-rankFinal-timeLimitMinutes"[^>]*value="soon"/);

    const saved = await admin.post(`/admin/tracks/${id}/settings-versions`, form);
    expect(saved.statusCode, saved.body).toBe(303);
    const history = await admin.follow(saved);
    expect(textOf(history.body)).toContain('The settings version was created. Activate it to make it current.');
    expect(versionRow(history.body, 1)).toMatch(/^1 .* Test User Small exams Make current \(version 1\)$/);

    const short = await admin.post(`/admin/tracks/${id}/settings-versions/1/activate`);
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('id="activate-1-error"');
    expect(textOf(short.body)).toContain('Stage 1 “Box step”, module “Footwork”: 0 questions, 3 needed.');

    await insertQuestions(test, { trackId: id, moduleId: track.modules[0]!.id, stageId: track.stages[0]!.id }, 3);
    const activated = await admin.follow(await admin.post(`/admin/tracks/${id}/settings-versions/1/activate`));
    expect(textOf(activated.body)).toContain('The settings version is now current.');
    expect(versionRow(activated.body, 1)).toMatch(/Small exams Current$/);
    expect(textOf(activated.body)).toContain('Filled in with current version 1. Modules in the track: 1.');

    await admin.post(`/admin/tracks/${id}/settings-versions`, {
      ...form,
      'levelExam.passPercent': '90',
      'approval.required': '',
    });
    const diff = await admin.get(`/admin/tracks/${id}/settings?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(textOf(diff.body)).toContain('What changed from version 1 to version 2');
    expect(textOf(diff.body)).toContain('Level exam · Pass percent (1–100) 70 90');
    expect(textOf(diff.body)).toContain('Approval · A teacher confirms each promotion yes no');
    const badDiff = await admin.get(`/admin/tracks/${id}/settings?from=1&to=9`);
    expect(badDiff.statusCode).toBe(422);
    expect(textOf(badDiff.body)).toContain('Choose two existing versions.');

    const ready = await admin.get(`/admin/tracks/${id}`);
    expect(textOf(ready.body)).toContain('Done: The question bank fills every exam.');
    for (const html of [ready.body, diff.body, invalid.body]) expect(duplicateIds(html)).toEqual([]);
    const published = await admin.follow(await admin.post(`/admin/tracks/${id}/status`, { status: 'published' }));
    expect(textOf(published.body)).toContain('The track is published.');
    expect(published.body).toContain('href="/tracks/waltz"');
  });

  it('show publishing blockers on the track page', async () => {
    const created = await admin.post('/admin/tracks', { slug: 'blocked', title: 'Blocked' });
    const id = idFromLocation(created.headers.location);
    const refused = await admin.post(`/admin/tracks/${id}/status`, { status: 'published' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('<div id="status-error" class="alert alert-danger" role="alert">');
    expect(textOf(refused.body)).toContain('Add at least one stage.');
    const deleted = await admin.post(`/admin/tracks/${id}/delete`);
    expect(deleted.headers.location).toBe('/admin/tracks');
    expect(textOf((await admin.follow(deleted)).body)).toContain('The track was deleted.');
  });

  it('public pages list published tracks only, with rendered descriptions; drafts are the 404 page', async () => {
    const guest = new PageBrowser(test.app);
    const list = await guest.get('/tracks');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<title>Tracks · Baza</title>');
    expect(list.body).toMatch(/<meta name="description" content="[^"]+"/);
    expect(list.body).toContain('href="/tracks/waltz"');
    expect(textOf(list.body)).toContain('Stages: 1 · modules: 1');
    expect(list.body).not.toContain('href="/tracks/salsa"');

    const page = await guest.get('/tracks/waltz');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Waltz · Baza</title>');
    expect(page.body).toContain('<meta name="description" content="Three beats"/>');
    expect(page.body).toContain('<p>Three <strong>beats</strong></p>');
    expect(page.body).toMatch(
      /<ol class="list-group list-group-numbered"><li class="list-group-item"><span class="fw-semibold">Box step<\/span>/,
    );

    for (const url of ['/tracks/salsa', '/tracks/nothing']) {
      const missing = await guest.get(url);
      expect(missing.statusCode).toBe(404);
      expect(textOf(missing.body)).toContain('Page not found');
    }
  });

  it('show an empty state when nothing is published', async () => {
    const empty = await createTestApp({ env: ENV });
    try {
      const page = await new PageBrowser(empty.app).get('/tracks');
      expect(page.statusCode).toBe(200);
      expect(textOf(page.body)).toContain('No tracks are published yet');
    } finally {
      await empty.close();
    }
  });
});
