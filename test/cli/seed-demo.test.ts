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

    const second = await seedDemoCli(test.database.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('hip-hop: already published, left as it is');
    expect(second.stdout).toContain('backend: already published, left as it is');
    expect(await questionCounts()).toEqual(counts);
    const versions = await test.container.db.selectFrom('settingsVersions').select('version').execute();
    expect(versions).toHaveLength(2);
  });
});
