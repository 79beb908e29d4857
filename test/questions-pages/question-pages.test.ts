import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type PageBrowser, tableRows, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, questionForm, questionIdOf, type SeededTrack, seedTrack, staffBrowsers } from './support.ts';

describe('question bank pages', () => {
  let test: TestApp;
  let moderator: PageBrowser;
  let admin: PageBrowser;
  let owner: PageBrowser;
  let student: PageBrowser;
  let track: SeededTrack;
  let other: SeededTrack;

  const create = async (browser: PageBrowser, fields: Parameters<typeof questionForm>[0]) => {
    await browser.get(`/admin/questions/new?trackId=${track.id}`);
    const response = await browser.post('/admin/questions/new', questionForm({ trackId: track.id, ...fields }));
    expect(response.statusCode, response.body).toBe(303);
    return questionIdOf(response.headers.location);
  };

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    ({ moderator, admin, owner, student } = await staffBrowsers(test));
    track = await seedTrack(test, 'hip-hop', { stages: ['Beginner', 'Advanced'], modules: ['Footwork', 'Grooves'] });
    other = await seedTrack(test, 'backend', { stages: ['Junior'], modules: ['Databases'] });
  });
  afterAll(async () => test?.close());

  it('send guests to the login page and answer students with the 403 page', async () => {
    const guest = await test.app.inject({ url: '/admin/questions', headers: { accept: 'text/html' } });
    expect(guest.statusCode).toBe(303);
    expect(guest.headers.location).toBe(`/login?returnTo=${encodeURIComponent('/admin/questions')}`);
    for (const url of ['/admin/questions', `/admin/questions/new?trackId=${track.id}`, '/admin/questions/import']) {
      const response = await student.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(textOf(response.body)).toContain('The question bank is for moderators, admins and the owner.');
    }
    const posted = await student.post(
      '/admin/questions/new',
      questionForm({ trackId: track.id, moduleId: track.modules[0]!.id, text: 'x', options: ['a', 'b'], correct: [0] }),
    );
    expect(posted.statusCode).toBe(403);
  });

  it('show an empty bank with links to create and import', async () => {
    const page = await moderator.get('/admin/questions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The bank has no questions yet.');
    expect(page.body).toContain('href="/admin/questions/new"');
    expect(page.body).toContain('href="/admin/questions/import"');
    expect(page.body).not.toContain('/admin/questions/export');
    // Without a track there is nothing to pick a module or a stage from.
    expect(page.body).not.toContain('name="moduleId"');
  });

  it('re-render the new question form with every error at its field (422), then create it', async () => {
    const form = await moderator.get(`/admin/questions/new?trackId=${track.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${track.modules[1]!.id}">Grooves</option>`);
    expect(form.body).toContain('Stage 2 · Advanced');
    expect(form.body).toMatch(/name="_csrf"/);

    const invalid = await moderator.post(
      '/admin/questions/new',
      questionForm({
        trackId: track.id,
        moduleId: track.modules[0]!.id,
        text: '   ',
        // Row B stays empty and is ignored; rows C and D repeat each other.
        options: ['Kick ball change', '', 'Pas de bourrée', 'Pas de bourrée'],
        correct: [0, 2],
      }),
    );
    expect(invalid.statusCode).toBe(422);
    const body = invalid.body;
    expect(body).toMatch(
      /<textarea[^>]*id="field-text"[^>]*aria-invalid="true"[^>]*aria-describedby="field-text-hint field-text-error"/,
    );
    expect(body).toMatch(/id="field-text-error"[^>]*>The question text is empty\./);
    expect(body).toMatch(/id="field-option-3-error"[^>]*>Option 4 repeats another option\./);
    expect(body).toMatch(/id="field-options-error"[^>]*>A single-answer question needs exactly one correct option\./);
    expectWellLinked(body);
    expect(textOf(body)).toContain('Error: The question was not saved: correct the marked fields.');
    expect(body).toContain('href="#field-text"');
    // The input comes back as typed, ticks included.
    expect(body).toContain('value="Pas de bourrée"');
    expect(body).toMatch(/id="field-correct-2"[^>]*checked/);

    const added = await moderator.post(
      '/admin/questions/new',
      questionForm({
        trackId: track.id,
        moduleId: track.modules[0]!.id,
        text: 'Which step?',
        options: ['a', 'b'],
        correct: [0],
        action: 'addOption',
      }),
    );
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('name="option2"');
    expect(added.body).toContain('name="rows" value="3"');

    const created = await moderator.post(
      '/admin/questions/new',
      questionForm({
        trackId: track.id,
        moduleId: track.modules[0]!.id,
        stageId: track.stages[1]!.id,
        name: 'Kick step',
        text: 'Which step is **a kick ball change**?',
        options: ['Kick, ball, change', '', 'Step, touch'],
        correct: [0],
        explanation: 'Three counts.',
      }),
    );
    expect(created.statusCode, created.body).toBe(303);
    const page = await moderator.follow(created);
    expect(page.body).toContain('Question created.');
    expect(page.body).toContain('<strong>a kick ball change</strong>');
    expect(page.body).toContain('name="rows" value="2"');
    expect(page.body).toContain('value="Step, touch"');
  });

  it('list questions with their module, stage tier and kind, and filter them', async () => {
    await create(moderator, {
      moduleId: track.modules[1]!.id,
      kind: 'multiple',
      text: 'Which are grooves?',
      options: ['Bounce', 'Rock', 'Plié'],
      correct: [0, 1],
    });
    const page = await moderator.get(`/admin/questions?trackId=${track.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<caption>Questions, newest first \(2 found\)<\/caption>/);
    const rows = tableRows(page.body);
    expect(rows[0]).toMatch(/^Which are grooves\? Grooves Any stage Multiple answers 3 Active/);
    expect(rows[1]).toMatch(
      /^Kick step: Which step is a kick ball change\? Footwork Stage 2 · Advanced Single answer 2 Active/,
    );
    expect(page.body).toContain(`href="/admin/questions/export?trackId=${track.id}"`);
    expectWellLinked(page.body);
    // Choosing the track offers its modules and stages.
    expect(page.body).toContain(`<option value="${track.modules[0]!.id}">Footwork</option>`);

    const byModule = tableRows(
      (await moderator.get(`/admin/questions?trackId=${track.id}&moduleId=${track.modules[1]!.id}`)).body,
    );
    expect(byModule).toHaveLength(1);
    const byKind = tableRows((await moderator.get(`/admin/questions?trackId=${track.slug}&kind=single`)).body);
    expect(byKind.map((row) => row.split(':')[0])).toEqual(['Kick step']);
    const searched = tableRows((await moderator.get('/admin/questions?q=GROOVES')).body);
    expect(searched).toHaveLength(1);
    // A module of another track (the reader switched tracks) is dropped, not an error.
    const switched = await moderator.get(`/admin/questions?trackId=${other.id}&moduleId=${track.modules[0]!.id}`);
    expect(switched.statusCode).toBe(200);
    expect(switched.body).toContain('No questions match these filters.');
    const unknown = await moderator.get('/admin/questions?trackId=no-such-track');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toMatch(/id="filter-track-error"[^>]*>There is no such track\./);
  });

  it('edit an unused question in place', async () => {
    const id = await create(moderator, {
      moduleId: track.modules[0]!.id,
      text: 'Old text',
      options: ['a', 'b'],
      correct: [1],
    });
    await moderator.get(`/admin/questions/${id}`);
    const saved = await moderator.post(
      `/admin/questions/${id}`,
      questionForm({ moduleId: track.modules[0]!.id, text: 'New text', options: ['a', 'b', 'c'], correct: [2] }),
    );
    expect(saved.headers.location).toBe(`/admin/questions/${id}`);
    const page = await moderator.follow(saved);
    expect(page.body).toContain('Changes saved.');
    expect(page.body).toContain('New text');
    expect(page.body).toMatch(/id="field-correct-2"[^>]*checked/);
    const invalid = await moderator.post(
      `/admin/questions/${id}`,
      questionForm({ moduleId: track.modules[0]!.id, text: 'New text', options: ['a', 'b'], correct: [] }),
    );
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('No option is marked correct.');
  });

  it('save an edit of a used question as a new question and retire the old one', async () => {
    const id = await create(moderator, {
      moduleId: track.modules[0]!.id,
      text: 'Used text',
      options: ['a', 'b'],
      correct: [0],
    });
    await test.container.db.updateTable('questions').set({ usedAt: new Date() }).where('id', '=', id).execute();
    const page = await moderator.get(`/admin/questions/${id}`);
    expect(page.body).toContain('Saving creates a new question and retires this one.');
    expect(page.body).toContain('Save as a new question');
    expect(page.body).not.toContain(`/admin/questions/${id}/delete`);

    const saved = await moderator.post(
      `/admin/questions/${id}`,
      questionForm({ moduleId: track.modules[0]!.id, text: 'Better text', options: ['a', 'b'], correct: [0] }),
    );
    const newId = questionIdOf(saved.headers.location);
    expect(newId).not.toBe(id);
    const replacement = await moderator.follow(saved);
    expect(replacement.body).toContain('your changes were saved as a new question and the old one was retired');
    expect(replacement.body).toContain(`href="/admin/questions/${id}"`);

    const old = await moderator.get(`/admin/questions/${id}`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('This question is retired');
    expect(old.body).not.toContain('<form id="question-form"');
    expect(old.body).toContain('Used text');
    expectWellLinked(old.body);
  });

  it('retire a question after a confirmation step; a retired one is read-only', async () => {
    const id = await create(admin, {
      moduleId: track.modules[1]!.id,
      text: 'To retire',
      options: ['a', 'b'],
      correct: [0],
    });
    const confirm = await admin.get(`/admin/questions/${id}/retire`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`action="/admin/questions/${id}/retire"`);
    const retired = await admin.follow(await admin.post(`/admin/questions/${id}/retire`));
    expect(retired.body).toContain('Question retired.');
    expect(retired.body).not.toContain('<form id="question-form"');
    expect(retired.body).not.toContain(`/admin/questions/${id}/retire"`);
    const refused = await admin.post(
      `/admin/questions/${id}`,
      questionForm({ moduleId: track.modules[1]!.id, text: 'Changed', options: ['a', 'b'], correct: [0] }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The question is retired and cannot be edited.');
    const list = tableRows((await admin.get(`/admin/questions?trackId=${track.id}&status=retired`)).body);
    expect(list.some((row) => row.startsWith('To retire'))).toBe(true);
  });

  it('delete an unused question; a used one gets the 409 message instead', async () => {
    const id = await create(moderator, {
      moduleId: track.modules[0]!.id,
      text: 'To delete',
      options: ['a', 'b'],
      correct: [0],
    });
    await moderator.get(`/admin/questions/${id}/delete`);
    const deleted = await moderator.post(`/admin/questions/${id}/delete`);
    expect(deleted.headers.location).toBe(`/admin/questions?trackId=${track.id}`);
    expect((await moderator.follow(deleted)).body).toContain('Question deleted.');
    expect((await moderator.get(`/admin/questions/${id}`)).statusCode).toBe(404);

    const used = await create(moderator, {
      moduleId: track.modules[0]!.id,
      text: 'Used, kept',
      options: ['a', 'b'],
      correct: [0],
    });
    await test.container.db.updateTable('questions').set({ usedAt: new Date() }).where('id', '=', used).execute();
    await moderator.get(`/admin/questions/${used}/delete`);
    const refused = await moderator.post(`/admin/questions/${used}/delete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Attempts have used this question: it can only be retired.');
    expect(refused.body).toContain(`href="/admin/questions/${used}/retire"`);
  });

  it('render the preview of the typed Markdown safely, also as an htmx fragment', async () => {
    await moderator.get(`/admin/questions/new?trackId=${track.id}`);
    const form = questionForm({
      trackId: track.id,
      moduleId: '',
      text: '# Title\n\n<script>alert(1)</script> *ok*',
      options: ['`x`', 'y'],
      correct: [0],
      action: 'preview',
    });
    const page = await moderator.post('/admin/questions/new', form);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Title</h1>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <em>ok</em>');
    expect(page.body).toContain('<code>x</code>');
    const fragment = await moderator.post('/admin/questions/preview', form);
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body.startsWith('<section id="question-preview"')).toBe(true);
  });

  it('export the track as a GIFT attachment', async () => {
    const response = await moderator.get(`/admin/questions/export?trackId=${track.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''/);
    expect(response.body).toContain('$CATEGORY: footwork');
    expect(response.body).toContain('Which are grooves?');
    const missing = await moderator.get('/admin/questions/export');
    expect(missing.statusCode).toBe(303);
    expect((await moderator.follow(missing)).body).toContain('Choose a track in the filter to export it.');
  });

  it('speak Russian to a staff member who chose it', async () => {
    const chosen = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: owner.auth,
      payload: { locale: 'ru' },
    });
    expect(chosen.statusCode).toBe(200);
    const page = await owner.get(`/admin/questions?trackId=${track.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ru"');
    expect(page.body).toContain('Банк вопросов');
    expect(tableRows(page.body).find((row) => row.startsWith('Which are grooves?'))).toContain('Несколько ответов');
  });
});
