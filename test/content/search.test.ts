import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV7 } from '../../src/shared/infrastructure/uuid-v7.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { caller, draft, ok } from './support.ts';

let test: TestApp;
let staff: Staff;
let api: ReturnType<typeof caller>;

type Item = { slug: string; title: string; snippet?: string };
type List = { items: Item[]; total: number };

async function publish(overrides: Record<string, unknown>) {
  const created = ok<{ id: string; slug: string }>(
    await api('POST', '/admin/articles', staff.moderator, draft(overrides)),
    201,
  );
  ok(await api('POST', `/admin/articles/${created.id}/publish`, staff.moderator));
  return created;
}

const search = async (q: string, extra = '') =>
  ok<List>(await api('GET', `/articles?q=${encodeURIComponent(q)}${extra}`, null));
const slugs = (list: List) => list.items.map((item) => item.slug);

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  api = caller(test);
  await publish({
    slug: 'uroki',
    locale: 'ru',
    title: 'Уроки хип-хопа для начинающих',
    summary: 'С чего начать',
    body: 'Первые движения и ритм.',
  });
  await publish({
    slug: 'statya',
    locale: 'ru',
    title: 'Как написать статью',
    summary: 'Советы автору',
    body: 'Хорошая статья начинается с плана. <script>alert("x")</script> статья & план',
  });
  await publish({
    slug: 'lessons',
    locale: 'en',
    title: 'Dance lessons',
    summary: 'Where to begin',
    body: 'I run every morning before the lesson.',
  });
  await publish({
    slug: 'running',
    locale: 'en',
    title: 'Notes',
    summary: 'Misc',
    body: 'Running late again; a lesson is mentioned once here.',
  });
  await publish({ slug: 'hidden', locale: 'en', title: 'Lesson for students', body: 'lesson', visibility: 'students' });
});
afterAll(async () => test?.close());

describe('full-text search', () => {
  it('finds Russian words by other word forms', async () => {
    expect(slugs(await search('урок'))).toEqual(['uroki']);
    expect(slugs(await search('уроками'))).toEqual(['uroki']);
    expect(slugs(await search('статьи'))).toEqual(['statya']);
    expect(slugs(await search('статья', '&locale=ru'))).toEqual(['statya']);
  });

  it('finds English words by other word forms', async () => {
    expect(slugs(await search('lessons')).sort()).toEqual(['lessons', 'running']);
    expect(slugs(await search('lesson', '&locale=en')).sort()).toEqual(['lessons', 'running']);
    expect(slugs(await search('running')).sort()).toEqual(['lessons', 'running']);
    expect(slugs(await search('run', '&locale=en')).sort()).toEqual(['lessons', 'running']);
  });

  it('ranks title matches above body matches', async () => {
    const list = await search('lesson');
    expect(slugs(list)).toEqual(['lessons', 'running']);
    expect(list.total).toBe(2);
  });

  it('hides students-only articles from guests and shows them to signed-in readers', async () => {
    const student = ok<List>(await api('GET', '/articles?q=lesson', staff.student));
    expect(slugs(student)).toContain('hidden');
  });

  it('gives snippets with <mark> only, everything else escaped', async () => {
    const [hit] = (await search('статья')).items;
    expect(hit?.snippet).toBeDefined();
    const snippet = hit!.snippet!;
    expect(snippet).toContain('<mark>');
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).not.toContain('<script');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(snippet).toContain('&amp;');
  });

  it('ignores searches that match nothing or cannot be stored', async () => {
    expect(await search('zzzyyyxxx')).toEqual({ items: [], total: 0 });
    expect(await search('"unclosed -minus or')).toMatchObject({ total: expect.any(Number) });
    expect((await api('GET', '/articles?q=a%00b', null)).statusCode).toBe(200);
  });

  it('uses the GIN index on a few thousand articles (bitmap index scan)', async () => {
    const db = test.container.db;
    const now = new Date();
    const words = ['ритм', 'движение', 'музыка', 'сцена', 'rhythm', 'stage', 'music', 'move', 'battle', 'crew'];
    for (let batch = 0; batch < 5; batch += 1) {
      await db
        .insertInto('articles')
        .values(
          Array.from({ length: 1000 }, (_, i) => {
            const n = batch * 1000 + i;
            const text = `${words[n % 10]} ${words[(n * 7) % 10]} number ${n}`;
            return {
              id: uuidV7(),
              slug: `bulk-${n}`,
              title: `Bulk ${n} ${text}`,
              summary: text,
              body: `${text} ${text}`,
              html: `<p>${text}</p>`,
              locale: n % 2 === 0 ? ('ru' as const) : ('en' as const),
              status: 'published' as const,
              publishedAt: now,
              createdAt: now,
              updatedAt: now,
            };
          }),
        )
        .execute();
    }
    await sql`ANALYZE articles`.execute(db);
    const plan = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT id FROM articles a
      WHERE a.status = 'published' AND a.visibility IN ('public')
        AND a.search @@ (websearch_to_tsquery('russian'::regconfig, 'уроки') || websearch_to_tsquery('english'::regconfig, 'уроки'))
    `.execute(db);
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('Bitmap Index Scan on articles_search_idx');
    const tagPlan = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT id FROM articles a WHERE a.tags @> ARRAY['rare-tag']::text[]
    `.execute(db);
    expect(tagPlan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('articles_tags_idx');
    // And the search still answers through the API.
    expect(slugs(await search('урок'))).toEqual(['uroki']);
  });
});
