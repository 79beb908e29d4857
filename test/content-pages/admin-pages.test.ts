import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageBrowser, tableRows, textOf } from '../identity/page-browser.ts';
import { csrfOf, multipartBody, postMultipart } from '../questions-pages/multipart.ts';
import { expectWellLinked, type SeededTrack, seedTrack, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { articleForm, htmxHeaders, PNG, writeArticle } from './support.ts';

describe('the article admin pages', () => {
  let test: TestApp;
  let moderator: PageBrowser;
  let admin: PageBrowser;
  let owner: PageBrowser;
  let student: PageBrowser;
  let track: SeededTrack;
  let article: { id: string; slug: string };

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    ({ moderator, admin, owner, student } = await staffBrowsers(test));
    track = await seedTrack(test, 'sql', { stages: ['Basics', 'Advanced'], modules: ['Joins', 'Indexes'] });
    article = await writeArticle(
      moderator,
      { title: 'Joins explained', slug: 'joins-explained', body: 'Joins.', tags: 'sql' },
      { publish: false },
    );
  });
  afterAll(async () => test?.close());

  it('send guests to the login page and answer students with the 403 page, on every page', async () => {
    const pages = [
      '/admin/articles',
      '/admin/articles/new',
      `/admin/articles/${article.id}`,
      `/admin/articles/${article.id}/delete`,
      `/admin/articles/${article.id}/minitest`,
    ];
    for (const url of pages) {
      const guest = await test.app.inject({ url, headers: { accept: 'text/html' } });
      expect(guest.statusCode, url).toBe(303);
      expect(guest.headers.location).toBe(`/login?returnTo=${encodeURIComponent(url)}`);
      const response = await student.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
    const posts: [string, Record<string, string>][] = [
      ['/admin/articles/new', articleForm({ title: 'By a student' })],
      ['/admin/articles/preview', { body: '# x' }],
      ['/admin/articles/links', { trackId: track.id }],
      [`/admin/articles/${article.id}`, articleForm({ title: 'Taken over' })],
      [`/admin/articles/${article.id}/publish`, {}],
      [`/admin/articles/${article.id}/unpublish`, {}],
      [`/admin/articles/${article.id}/delete`, {}],
      [`/admin/articles/${article.id}/minitest`, { count: '0' }],
    ];
    await student.get('/');
    for (const [url, form] of posts) {
      const response = await student.post(url, form);
      expect(response.statusCode, url).toBe(403);
    }
    const upload = await postMultipart(
      student,
      `/admin/articles/${article.id}/images`,
      { _csrf: csrfOf((await student.get('/')).body) },
      { name: 'a.png', content: PNG, contentType: 'image/png' },
    );
    expect(upload.statusCode).toBe(403);
    // Nothing changed.
    const view = await moderator.get(`/admin/articles/${article.id}`);
    expect(view.body).toContain('value="Joins explained"');
    for (const browser of [admin, owner]) {
      expect((await browser.get('/admin/articles')).statusCode).toBe(200);
    }
  });

  it('list the articles with their filters', async () => {
    await writeArticle(moderator, {
      title: 'Indexes in Russian',
      locale: 'ru',
      body: 'Индексы.',
      tags: 'indexes',
      visibility: 'students',
    });
    const all = await moderator.get('/admin/articles');
    expect(all.statusCode).toBe(200);
    expect(tableRows(all.body).length).toBe(2);
    expectWellLinked(all.body);
    const drafts = await moderator.get('/admin/articles?status=draft');
    expect(tableRows(drafts.body).map((row) => row.split(' ')[0])).toEqual(['Joins']);
    const students = await moderator.get('/admin/articles?visibility=students&locale=ru');
    expect(tableRows(students.body)).toHaveLength(1);
    expect(tableRows(students.body)[0]).toContain('Indexes in Russian');
    const tagged = await moderator.get('/admin/articles?tag=sql');
    expect(tableRows(tagged.body)).toHaveLength(1);
    const searched = await moderator.get('/admin/articles?q=joins');
    expect(tableRows(searched.body)[0]).toContain('Joins explained');
    const none = await moderator.get(`/admin/articles?trackId=${track.id}`);
    expect(textOf(none.body)).toContain('No article matches the filters.');
    // Nonsense filters list as if unfiltered, never a 500.
    const odd = await moderator.get('/admin/articles?status=gone&trackId=not-a-uuid&page=-4');
    expect(odd.statusCode).toBe(200);
    expect(tableRows(odd.body)).toHaveLength(2);
  });

  it('show the new-article form with the track pickers, and mark every failing field (422)', async () => {
    const form = await moderator.get('/admin/articles/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${track.id}">Track sql</option>`);
    expect(form.body).toContain('hx-post="/admin/articles/preview"');
    expect(form.body).toContain('keyup changed delay:500ms');
    expect(form.body).toContain('<script src="/assets/app/article-editor.js" defer></script>');
    expectWellLinked(form.body);

    const invalid = await moderator.post(
      '/admin/articles/new',
      articleForm({ title: '  ', body: '', slug: 'Not A Slug!' }),
    );
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toMatch(/<input[^>]*id="field-title"[^>]*aria-invalid="true"/);
    expect(invalid.body).toMatch(/<input[^>]*id="field-slug"[^>]*aria-invalid="true"/);
    expect(invalid.body).toMatch(/<textarea[^>]*id="field-body"[^>]*aria-invalid="true"/);
    expect(invalid.body).toContain('href="#field-title"');
    expect(textOf(invalid.body)).toContain('The article is not saved: fix the marked fields.');
    // What was typed comes back.
    expect(invalid.body).toContain('value="Not A Slug!"');
    expectWellLinked(invalid.body);

    const position = await moderator.post('/admin/articles/new', articleForm({ title: 'Fine', position: 'two' }));
    expect(position.statusCode).toBe(422);
    expect(textOf(position.body)).toContain('The position is a whole number.');
  });

  it('link an article to a track, its module and stage; the pickers follow the track', async () => {
    const links = await moderator.post('/admin/articles/links', { trackId: track.id });
    expect(links.statusCode).toBe(200);
    expect(links.body.startsWith('<fieldset id="article-links"')).toBe(true);
    expect(links.body).toContain(`<option value="${track.modules[1]!.id}">Indexes</option>`);
    expect(links.body).toContain('Stage 2 · Advanced');

    const preview = await moderator.post(
      '/admin/articles/new',
      articleForm({ title: 'Linked', trackId: track.id, action: 'preview' }),
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('name="moduleId"');

    const saved = await moderator.post(
      '/admin/articles/new',
      articleForm({
        title: 'Linked',
        trackId: track.id,
        moduleId: track.modules[0]!.id,
        stageId: track.stages[1]!.id,
        position: '2',
      }),
    );
    expect(saved.statusCode, saved.body).toBe(303);
    const page = await moderator.follow(saved);
    expect(textOf(page.body)).toContain('The article is created.');
    expect(page.body).toContain(`<option value="${track.modules[0]!.id}" selected>Joins</option>`);
    expect(page.body).toContain(`<option value="${track.stages[1]!.id}" selected>`);
    expect(page.body).toContain('value="2"');
  });

  it('render the live preview as a fragment, sanitized', async () => {
    const response = await moderator.post('/admin/articles/preview', {
      body: '# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('<div id="article-preview-body"')).toBe(true);
    expect(response.body).not.toContain('<html');
    expect(response.body).toContain('<h1');
    expect(response.body).not.toMatch(/<script/i);
    expect(response.body).not.toMatch(/href="javascript:/i);
    expect(response.body).not.toMatch(/<img[^>]*onerror/i);
    const empty = await moderator.post('/admin/articles/preview', { body: '   ' });
    expect(textOf(empty.body)).toContain('The article text appears here.');
  });

  it('save, publish, unpublish and delete (after a confirmation page)', async () => {
    const { id } = await writeArticle(moderator, { title: 'Short-lived', body: 'Soon gone.' }, { publish: false });
    const saved = await moderator.post(
      `/admin/articles/${id}`,
      articleForm({ title: 'Short-lived, edited', body: 'Soon gone.' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(textOf((await moderator.follow(saved)).body)).toContain('The article is saved.');
    const published = await moderator.post(`/admin/articles/${id}/publish`);
    const page = await moderator.follow(published);
    expect(textOf(page.body)).toContain('The article is published.');
    expect(page.body).toContain('href="/blog/');
    const unpublished = await moderator.follow(await moderator.post(`/admin/articles/${id}/unpublish`));
    expect(textOf(unpublished.body)).toContain('The article is unpublished.');

    const confirm = await moderator.get(`/admin/articles/${id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`action="/admin/articles/${id}/delete"`);
    const deleted = await moderator.post(`/admin/articles/${id}/delete`);
    expect(deleted.headers.location).toBe('/admin/articles');
    expect(textOf((await moderator.follow(deleted)).body)).toContain('The article is deleted.');
    expect((await moderator.get(`/admin/articles/${id}`)).statusCode).toBe(404);
    expect((await moderator.get('/admin/articles/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await moderator.get('/admin/articles/not-a-uuid')).statusCode).toBe(400);
  });

  it('upload an image and give back its Markdown; refuse SVG and other files on the page', async () => {
    const edit = await moderator.get(`/admin/articles/${article.id}`);
    expect(edit.body).toContain(`action="/admin/articles/${article.id}/images"`);
    expect(edit.body).toContain('enctype="multipart/form-data"');
    const csrf = csrfOf(edit.body);
    const url = `/admin/articles/${article.id}/images`;

    // Without JavaScript: back to the editor, the Markdown to paste shown.
    const uploaded = await postMultipart(
      moderator,
      url,
      { _csrf: csrf, alt: 'A [join] diagram' },
      {
        name: 'join.png',
        content: PNG,
        contentType: 'image/png',
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const back = await moderator.follow(uploaded);
    const markdown = /value="(!\[A join diagram\]\(\/api\/v1\/files\/[\w-]+\))"/.exec(back.body)?.[1];
    expect(markdown, textOf(back.body)).toBeDefined();
    expect(back.body).toContain('data-insert-markdown=');
    // The image is served.
    const file = await test.app.inject({ url: /\((.*)\)/.exec(markdown!)![1]! });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');

    // With htmx: only the result fragment (201), the alt text made from the file name.
    const body = multipartBody(
      { _csrf: csrf, alt: '' },
      { name: 'second_shot.png', content: PNG, contentType: 'image/png' },
    );
    const fragment = await test.app.inject({
      method: 'POST',
      url,
      headers: {
        ...htmxHeaders(moderator),
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(fragment.statusCode, fragment.body).toBe(201);
    expect(fragment.body.startsWith('<div id="image-upload-result"')).toBe(true);
    expect(fragment.body).toMatch(/!\[second shot\]\(\/api\/v1\/files\/[\w-]+\)/);

    const svg = await postMultipart(
      moderator,
      url,
      { _csrf: csrf, alt: 'x' },
      {
        name: 'evil.png',
        content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        contentType: 'image/png',
      },
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.body).toMatch(/<div class="alert alert-danger[^"]*" role="alert">/);
    expect(svg.body).not.toContain('data-insert-markdown');

    const empty = await postMultipart(moderator, url, { _csrf: csrf, alt: 'x' }, { name: 'empty.png', content: '' });
    expect([413, 415, 422]).toContain(empty.statusCode);
    const none = await postMultipart(moderator, url, { _csrf: csrf, alt: 'x' });
    expect(none.statusCode).toBe(422);
    expect(textOf(none.body)).toContain('Choose an image file.');
    const big = await postMultipart(
      moderator,
      url,
      { _csrf: csrf },
      {
        name: 'big.png',
        content: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
        contentType: 'image/png',
      },
    );
    expect(big.statusCode).toBe(413);
    // A cut-off body is an error on the page, not a 500.
    const cut = await postMultipart(
      moderator,
      url,
      { _csrf: csrf },
      { name: 'a.png', content: PNG },
      { truncate: 200 },
    );
    expect(cut.statusCode).toBeLessThan(500);
    // Without the CSRF token nothing is stored.
    const forged = await postMultipart(moderator, url, { alt: 'x' }, { name: 'a.png', content: PNG });
    expect(forged.statusCode).toBe(403);
  });
});
