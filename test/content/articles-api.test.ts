import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTrack, type TestTrack } from '../questions/tracks.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { caller, draft, ok } from './support.ts';

let test: TestApp;
let staff: Staff;
let track: TestTrack;
let other: TestTrack;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  api = caller(test);
  track = await insertTrack(test.container.db, {
    slug: 'dance',
    stages: 2,
    modules: [
      ['basics', 'Basics'],
      ['flow', 'Flow'],
    ],
  });
  other = await insertTrack(test.container.db, { slug: 'code', stages: 1, modules: [['ts', 'TypeScript']] });
});
afterAll(async () => test?.close());

type Article = { id: string; slug: string; status: string; [key: string]: unknown };

async function published(overrides: Record<string, unknown> = {}): Promise<Article> {
  const created = ok<Article>(await api('POST', '/admin/articles', staff.moderator, draft(overrides)), 201);
  return ok<Article>(await api('POST', `/admin/articles/${created.id}/publish`, staff.moderator));
}

describe('who may write articles', () => {
  it('guests get 401, students 403 on every admin route', async () => {
    const id = randomUUID();
    const routes: [Parameters<typeof api>[0], string, unknown?][] = [
      ['GET', '/admin/articles'],
      ['GET', `/admin/articles/${id}`],
      ['POST', '/admin/articles', draft()],
      ['PATCH', `/admin/articles/${id}`, { title: 'x' }],
      ['POST', `/admin/articles/${id}/publish`],
      ['POST', `/admin/articles/${id}/unpublish`],
      ['DELETE', `/admin/articles/${id}`],
      ['POST', '/admin/articles/preview', { body: '# x' }],
      ['GET', `/admin/articles/${id}/minitest`],
      ['PUT', `/admin/articles/${id}/minitest`, { questions: [] }],
    ];
    for (const [method, url, payload] of routes) {
      expect((await api(method, url, null, payload)).statusCode, `${method} ${url}`).toBe(401);
      const forbidden = await api(method, url, staff.student, payload);
      expect(forbidden.statusCode, `${method} ${url}`).toBe(403);
      expect(forbidden.json()).toMatchObject({
        code: 'forbidden',
        // Signed-in users read messages in their profile's language (Russian here).
        detail: 'Писать статьи могут модераторы, администраторы и владелец.',
      });
    }
  });

  it('moderators, admins and the owner write, publish and delete; admin responses are not cached', async () => {
    for (const who of [staff.moderator, staff.admin, staff.owner]) {
      const response = await api('POST', '/admin/articles', who, draft({ title: `By ${who.userId}` }));
      const article = ok<Article>(response, 201);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.location).toBe(`/api/v1/admin/articles/${article.id}`);
      expect(article).toMatchObject({ status: 'draft', publishedAt: null, authorId: who.userId, viewCount: 0 });
      const publishedArticle = ok<Article>(await api('POST', `/admin/articles/${article.id}/publish`, who));
      expect(publishedArticle.status).toBe('published');
      expect(typeof publishedArticle.publishedAt).toBe('string');
      expect((await api('DELETE', `/admin/articles/${article.id}`, who)).statusCode).toBe(204);
      expect((await api('GET', `/admin/articles/${article.id}`, who)).statusCode).toBe(404);
    }
  });
});

describe('writing an article', () => {
  it('renders Markdown to sanitized HTML with a table of contents, and generates the slug', async () => {
    const article = ok<Article>(
      await api(
        'POST',
        '/admin/articles',
        staff.moderator,
        draft({
          title: 'Первые шаги в танце',
          body: '# Начало\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](/api/v1/files/abc)',
          tags: [' Dance ', 'dance', 'Хип-Хоп'],
          locale: 'ru',
        }),
      ),
      201,
    );
    expect(article.slug).toBe('pervye-shagi-v-tantse');
    expect(article.tags).toEqual(['dance', 'хип-хоп']);
    expect(article.html).toContain('<h1 id="nachalo">Начало</h1>');
    expect(article.html).toContain('&lt;script&gt;');
    expect(article.html).not.toContain('<script');
    expect(article.html).not.toContain('href="javascript');
    expect(article.html).toContain('[x](javascript:alert(1))');
    expect(article.html).toContain('<img src="/api/v1/files/abc" alt="i" />');
    expect(article.toc).toEqual([{ level: 1, id: 'nachalo', text: 'Начало' }]);
  });

  it('lists every failing field at once (422), localized', async () => {
    const response = await api('POST', '/admin/articles', staff.moderator, {
      title: '  ',
      slug: 'Bad Slug',
      body: ' ',
      locale: 'en',
      summary: 's'.repeat(501),
      tags: Array.from({ length: 11 }, (_, i) => `tag${i}`),
      moduleId: track.modules[0]!.id,
      position: 0,
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(problem.code).toBe('invalid_article');
    expect(problem.errors.map((error) => error.path)).toEqual([
      '/title',
      '/slug',
      '/summary',
      '/body',
      '/tags',
      '/moduleId',
      '/position',
    ]);
    expect(problem.errors[0]!.message).toBe('Поле обязательно.');
    expect(problem.errors[1]!.message).toBe('Адрес — только строчные латинские буквы, цифры и одиночные дефисы.');
  });

  it('refuses a taken slug with 409, on create and on update', async () => {
    const first = ok<Article>(await api('POST', '/admin/articles', staff.moderator, draft({ slug: 'taken' })), 201);
    const again = await api('POST', '/admin/articles', staff.moderator, draft({ slug: 'taken' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'slug_taken', detail: 'Адрес «taken» уже занят другой статьёй.' });
    const second = ok<Article>(await api('POST', '/admin/articles', staff.moderator, draft({ slug: 'free' })), 201);
    expect((await api('PATCH', `/admin/articles/${second.id}`, staff.moderator, { slug: 'taken' })).statusCode).toBe(
      409,
    );
    expect(
      ok<Article>(await api('PATCH', `/admin/articles/${first.id}`, staff.moderator, { title: 'New title' })).slug,
    ).toBe('taken');
  });

  it('links to the catalog: unknown tracks and another track’s module or stage are 422 with the field', async () => {
    const unknown = await api('POST', '/admin/articles', staff.moderator, draft({ trackId: randomUUID() }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ path: '/trackId', message: 'Такого трека нет.' }]);
    const bySlug = await api('POST', '/admin/articles', staff.moderator, draft({ trackId: track.slug }));
    expect(bySlug.json().errors).toEqual([{ path: '/trackId', message: 'Такого трека нет.' }]);
    const foreign = await api(
      'POST',
      '/admin/articles',
      staff.moderator,
      draft({ trackId: track.id, moduleId: other.modules[0]!.id, stageId: other.stages[0]!.id }),
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors.map((error: { path: string }) => error.path)).toEqual(['/moduleId', '/stageId']);
  });

  it('places stage articles last in their stage unless a position is given', async () => {
    const place = { trackId: track.id, moduleId: track.modules[0]!.id, stageId: track.stages[1]!.id };
    const a = ok<Article>(
      await api('POST', '/admin/articles', staff.moderator, draft({ ...place, title: 'Stage A' })),
      201,
    );
    const b = ok<Article>(
      await api('POST', '/admin/articles', staff.moderator, draft({ ...place, title: 'Stage B' })),
      201,
    );
    const c = ok<Article>(
      await api('POST', '/admin/articles', staff.moderator, draft({ ...place, title: 'Stage C', position: 7 })),
      201,
    );
    expect([a.position, b.position, c.position]).toEqual([1, 2, 7]);
    const moved = ok<Article>(
      await api('PATCH', `/admin/articles/${a.id}`, staff.moderator, { stageId: track.stages[0]!.id }),
    );
    expect(moved.position).toBe(1);
    const unlinked = ok<Article>(
      await api('PATCH', `/admin/articles/${b.id}`, staff.moderator, { trackId: null, moduleId: null, stageId: null }),
    );
    expect(unlinked).toMatchObject({ trackId: null, moduleId: null, stageId: null, position: null });
  });

  it('previews Markdown exactly as saving renders it', async () => {
    const body = '## Шаг 1\n\n<img src=x onerror=alert(1)>';
    const preview = ok<{ html: string; toc: unknown[] }>(
      await api('POST', '/admin/articles/preview', staff.moderator, { body }),
    );
    const saved = ok<Article>(await api('POST', '/admin/articles', staff.moderator, draft({ body })), 201);
    expect(preview).toEqual({ html: saved.html, toc: saved.toc });
    expect(preview.html).not.toContain('<img');
  });

  it('unknown or malformed ids are 404, bad bodies 400, never 500', async () => {
    expect((await api('GET', '/admin/articles/not-a-uuid', staff.moderator)).statusCode).toBe(404);
    expect((await api('PATCH', `/admin/articles/${randomUUID()}`, staff.moderator, { title: 'x' })).statusCode).toBe(
      404,
    );
    expect((await api('POST', '/admin/articles', staff.moderator, { title: 'x' })).statusCode).toBe(400);
    expect((await api('POST', '/admin/articles', staff.moderator, draft({ locale: 'de' }))).statusCode).toBe(400);
    expect((await api('POST', '/admin/articles', staff.moderator, draft({ title: 'a\u0000b' }))).statusCode).toBe(422);
    expect((await api('GET', '/articles?q=%00', null)).statusCode).toBe(200);
  });
});

describe('reading', () => {
  it('guests see public published articles only; drafts and students-only articles are 404 for them', async () => {
    const open = await published({ title: 'Open to all', tags: ['reading'] });
    const closed = await published({ title: 'For students', visibility: 'students', tags: ['reading'] });
    const draftArticle = ok<Article>(
      await api('POST', '/admin/articles', staff.moderator, draft({ title: 'Unfinished', tags: ['reading'] })),
      201,
    );

    const guestList = ok<{ items: { slug: string }[]; total: number }>(await api('GET', '/articles?tag=reading', null));
    expect(guestList.items.map((item) => item.slug)).toEqual([open.slug]);
    expect(guestList.total).toBe(1);
    const studentList = ok<{ items: { slug: string }[] }>(await api('GET', '/articles?tag=Reading', staff.student));
    expect(studentList.items.map((item) => item.slug)).toEqual([closed.slug, open.slug]);

    expect(ok(await api('GET', `/articles/${open.slug}`, null))).toMatchObject({
      title: 'Open to all',
      tags: ['reading'],
    });
    const hidden = await api('GET', `/articles/${closed.slug}`, null);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'article_not_found', detail: 'Article not found.' });
    expect(ok(await api('GET', `/articles/${closed.slug}`, staff.student))).toMatchObject({ visibility: 'students' });
    expect((await api('GET', `/articles/${draftArticle.slug}`, null)).statusCode).toBe(404);
    expect((await api('GET', `/articles/${draftArticle.slug}`, staff.admin)).statusCode).toBe(404);

    // Unpublished: gone for readers again.
    ok(await api('POST', `/admin/articles/${open.id}/unpublish`, staff.moderator));
    expect((await api('GET', `/articles/${open.slug}`, null)).statusCode).toBe(404);
  });

  it('counts views without storing anything about the reader', async () => {
    const article = await published({ title: 'Counted' });
    await api('GET', `/articles/${article.slug}`, null);
    await api('GET', `/articles/${article.slug}`, staff.student);
    // Signed in: a guest may get the public cache's copy, whose count is as of when it was cached.
    const third = ok<{ viewCount: number }>(await api('GET', `/articles/${article.slug}`, staff.student));
    expect(third.viewCount).toBe(2);
    expect(
      ok<{ viewCount: number }>(await api('GET', `/admin/articles/${article.id}`, staff.moderator)).viewCount,
    ).toBe(3);
  });

  it('counts tags of the articles the reader may see', async () => {
    await published({ title: 'T1', tags: ['count-a', 'count-b'] });
    await published({ title: 'T2', tags: ['count-a'] });
    await published({ title: 'T3', tags: ['count-a', 'count-c'], visibility: 'students' });
    await api('POST', '/admin/articles', staff.moderator, draft({ title: 'T4', tags: ['count-d'] }));
    const counts = (items: { tag: string; count: number }[]) =>
      Object.fromEntries(items.filter((item) => item.tag.startsWith('count-')).map((item) => [item.tag, item.count]));
    const guest = ok<{ items: { tag: string; count: number }[] }>(await api('GET', '/tags', null));
    expect(counts(guest.items)).toEqual({ 'count-a': 2, 'count-b': 1 });
    const student = ok<{ items: { tag: string; count: number }[] }>(await api('GET', '/tags', staff.student));
    expect(counts(student.items)).toEqual({ 'count-a': 3, 'count-b': 1, 'count-c': 1 });
  });

  it('feeds and the sitemap carry public published articles only', async () => {
    const open = await published({ title: 'Feed open', locale: 'ru' });
    const closed = await published({ title: 'Feed closed', visibility: 'students' });
    const content = test.container.modules.content.useCases;
    const feed = await content.feed({ limit: 100 });
    expect(feed.map((entry) => entry.slug)).toContain(open.slug);
    expect(feed.map((entry) => entry.slug)).not.toContain(closed.slug);
    expect((await content.feed({ locale: 'en', limit: 100 })).map((entry) => entry.slug)).not.toContain(open.slug);
    const sitemap = await content.sitemap();
    expect(sitemap.map((entry) => entry.slug)).toContain(open.slug);
    expect(sitemap.map((entry) => entry.slug)).not.toContain(closed.slug);
  });

  it('staff lists filter by status, visibility, locale, track, tag and text', async () => {
    const linked = ok<Article>(
      await api(
        'POST',
        '/admin/articles',
        staff.moderator,
        draft({ title: 'Filtered one', trackId: other.id, tags: ['filt'] }),
      ),
      201,
    );
    const list = async (query: string) =>
      ok<{ items: { id: string }[]; total: number }>(
        await api('GET', `/admin/articles?${query}`, staff.admin),
      ).items.map((item) => item.id);
    expect(await list(`trackId=${other.id}`)).toEqual([linked.id]);
    expect(await list('tag=filt&status=draft')).toEqual([linked.id]);
    expect(await list('tag=filt&status=published')).toEqual([]);
    expect(await list('q=Filtered')).toContain(linked.id);
    expect(await list('trackId=nonsense')).toEqual([]);
  });

  it('publishing and deleting are audited', async () => {
    const article = await published({ title: 'Audited' });
    ok(await api('POST', `/admin/articles/${article.id}/unpublish`, staff.moderator));
    expect((await api('DELETE', `/admin/articles/${article.id}`, staff.moderator)).statusCode).toBe(204);
    const events = await test.container.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId'])
      .where('subjectId', '=', article.id)
      .orderBy('at')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'article.published',
      'article.unpublished',
      'article.deleted',
    ]);
  });
});

describe('the catalog changing under articles', () => {
  it('deleting a draft track’s stage, module or the track itself unlinks its articles', async () => {
    const doomed = await insertTrack(test.container.db, {
      slug: 'doomed',
      stages: 2,
      modules: [
        ['a', 'A'],
        ['b', 'B'],
      ],
    });
    const write = async (title: string, moduleIndex: number, stageIndex: number) =>
      ok<Article>(
        await api(
          'POST',
          '/admin/articles',
          staff.moderator,
          draft({
            title,
            trackId: doomed.id,
            moduleId: doomed.modules[moduleIndex]!.id,
            stageId: doomed.stages[stageIndex]!.id,
          }),
        ),
        201,
      );
    const first = await write('Doomed one', 0, 0);
    const second = await write('Doomed two', 1, 1);
    expect((await api('DELETE', `/admin/stages/${doomed.stages[0]!.id}`, staff.admin)).statusCode).toBe(204);
    expect((await api('DELETE', `/admin/modules/${doomed.modules[0]!.id}`, staff.admin)).statusCode).toBe(204);
    expect(ok(await api('GET', `/admin/articles/${first.id}`, staff.admin))).toMatchObject({
      trackId: doomed.id,
      moduleId: null,
      stageId: null,
    });
    expect((await api('DELETE', `/admin/tracks/${doomed.id}`, staff.admin)).statusCode).toBe(204);
    expect(ok(await api('GET', `/admin/articles/${second.id}`, staff.admin))).toMatchObject({
      trackId: null,
      moduleId: null,
      stageId: null,
    });
  });
});
