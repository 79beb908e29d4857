import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runBaza } from '../support/cli.ts';
import { createOwner, registeredUser } from '../support/identity.ts';

/** `baza seed demo …` as an operator runs it. */
function seedDemoCli(databaseUrl: string, args: string[] = []) {
  return runBaza(databaseUrl, ['seed', 'demo', ...args]);
}

let test: TestApp;

beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

async function questionCounts() {
  const rows = await test.container.db
    .selectFrom('questions')
    .innerJoin('tracks', 'tracks.id', 'questions.trackId')
    .select(['tracks.slug', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('tracks.slug')
    .orderBy('tracks.slug')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slug, Number(row.count)]));
}

describe('baza seed demo', () => {
  it('needs someone to act as: without an owner it says how to make one and changes nothing', async () => {
    const run = await seedDemoCli(test.database.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('baza user create-owner');
    expect(await questionCounts()).toEqual({});
  });

  it('refuses to act as a student', async () => {
    await registeredUser(test, 'pupil@school.test');
    const run = await seedDemoCli(test.database.url, ['--as', 'pupil@school.test']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No active staff account');
  });

  it('publishes the two demo tracks with questions for every exam, and a second run changes nothing', async () => {
    await createOwner(test);
    const first = await seedDemoCli(test.database.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/hip-hop: \d+ questions imported/);
    expect(first.stdout).toContain('backend: published with 3 stages and 5 modules');

    const catalog = await test.app.inject({ method: 'GET', url: '/api/v1/tracks' });
    expect(catalog.statusCode).toBe(200);
    const tracks = catalog.json().items as { slug: string; stageCount: number; moduleCount: number }[];
    expect(
      tracks
        .map(({ slug, stageCount, moduleCount }) => ({ slug, stageCount, moduleCount }))
        .sort((a, b) => a.slug.localeCompare(b.slug)),
    ).toEqual([
      { slug: 'backend', stageCount: 3, moduleCount: 5 },
      { slug: 'hip-hop', stageCount: 3, moduleCount: 4 },
    ]);
    const hipHop = await test.app.inject({ method: 'GET', url: '/api/v1/tracks/hip-hop' });
    expect(hipHop.json().title).toBe('Хип-хоп');
    const counts = await questionCounts();
    expect(counts['hip-hop']).toBeGreaterThanOrEqual(60);
    expect(counts.backend).toBeGreaterThanOrEqual(75);

    expect(first.stdout).toContain('articles: 36 published');
    expect(first.stdout).toContain('blog: 6 published');
    const owner = await test.container.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const actor = { id: owner.id, role: 'owner' as const };
    const content = test.container.modules.content.useCases;
    const staffList = await content.listForStaff({ actor, limit: 100, offset: 0 });
    expect(staffList.total).toBe(42);
    expect(staffList.items.every((item) => item.status === 'published')).toBe(true);
    for (const item of staffList.items.filter((article) => article.trackId !== null)) {
      expect(await content.minitest({ actor, id: item.id })).toHaveLength(3);
    }
    const found = await content.listPublished({ reader: null, q: 'урок', limit: 10, offset: 0 });
    expect(found.items.map((item) => item.slug)).toContain('novyj-nabor-hip-hop-dlya-nachinayushchih');
    const english = await content.listPublished({ reader: null, q: 'lesson', limit: 10, offset: 0 });
    expect(english.items.map((item) => item.slug)).toContain('five-lessons-from-a-year-of-mentoring');

    expect(first.stdout).toMatch(/matrix hip-hop: \d+ items in 3 grades/);
    const sheets = await test.app.inject({ url: '/api/v1/matrix/sheets' });
    const sheetList = sheets.json().sheets as { slug: string; grades: { slug: string }[] }[];
    expect(sheetList.map((sheet) => sheet.slug).sort()).toEqual(['backend', 'hip-hop']);
    for (const sheet of sheetList) {
      for (const grade of sheet.grades) {
        const items = await test.app.inject({ url: `/api/v1/matrix/items?sheet=${sheet.slug}&grade=${grade.slug}` });
        expect(items.statusCode).toBe(200);
        expect(items.json().total, `${sheet.slug}/${grade.slug}`).toBeGreaterThan(0);
      }
    }

    const second = await seedDemoCli(test.database.url);
    expect(second.stdout).toContain('matrix hip-hop: already there, left as it is');
    expect(second.stdout).toContain('articles: 36 already there, left as they are');
    expect(second.stdout).toContain('blog: 6 already there, left as they are');
    expect((await content.listForStaff({ actor, limit: 100, offset: 0 })).total).toBe(42);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('hip-hop: already published, left as it is');
    expect(second.stdout).toContain('backend: already published, left as it is');
    expect(await questionCounts()).toEqual(counts);
    const versions = await test.container.db.selectFrom('settingsVersions').select('version').execute();
    expect(versions).toHaveLength(2);
  });
});
