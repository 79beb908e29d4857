import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { type Api, catalogApi, insertQuestions, smallSettings } from '../catalog/support.ts';
import { importParts } from './support.ts';

/** Racing requests on one track leave it consistent: positions 1..n, one current version, every import whole. */
let test: TestApp;
let staff: Staff;
let api: Api;

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  staff = await staffUsers(test);
  api = catalogApi(test, staff.admin);
});
afterAll(async () => test?.close());

const positionsOf = async (table: 'stages' | 'modules', trackId: string) =>
  (
    await test.container.db
      .selectFrom(table)
      .select('position')
      .where('trackId', '=', trackId)
      .orderBy('position')
      .execute()
  ).map((row) => row.position);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('racing requests on one track', () => {
  it('appends stages and modules at distinct positions 1..n', async () => {
    const track = await api.createTrack('race-append');
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => api.call('POST', `/admin/tracks/${track.id}/stages`, { title: `S${i}` })),
      ...Array.from({ length: 12 }, (_, i) =>
        api.call('POST', `/admin/tracks/${track.id}/modules`, { slug: `m-${i}`, title: `M${i}` }),
      ),
    ]);
    expect(results.map((response) => response.statusCode)).toEqual(Array(24).fill(201));
    expect(await positionsOf('stages', track.id)).toEqual(oneToN(12));
    expect(await positionsOf('modules', track.id)).toEqual(oneToN(12));
  });

  it('moves and deletes stages at the same time without gaps or duplicates', async () => {
    const track = await api.createTrack('race-move');
    const stages: { id: string }[] = [];
    for (let i = 0; i < 6; i++) stages.push(await api.addStage(track.id, `S${i}`));
    const moves = Array.from({ length: 20 }, (_, i) =>
      api.call('PATCH', `/admin/stages/${stages[i % 6]!.id}`, { position: ((i * 7) % 6) + 1 }),
    );
    const deletes = [
      api.call('DELETE', `/admin/stages/${stages[5]!.id}`),
      api.call('DELETE', `/admin/stages/${stages[5]!.id}`),
    ];
    const results = await Promise.all([...moves, ...deletes]);
    for (const response of results) expect([200, 204, 404, 422], response.body).toContain(response.statusCode);
    // One of the two deletes wins; the other finds nothing.
    expect(
      results
        .slice(-2)
        .map((response) => response.statusCode)
        .sort(),
    ).toEqual([204, 404]);
    expect(await positionsOf('stages', track.id)).toEqual(oneToN(5));
  });

  it('activates one version at a time: exactly one is current', async () => {
    const track = await api.createTrack('race-activate');
    await api.addStage(track.id, 'Basics');
    const module = await api.addModule(track.id, 'footwork');
    await insertQuestions(test, { trackId: track.id, moduleId: module.id }, 3);
    const versions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.call('POST', `/admin/tracks/${track.id}/settings-versions`, { params: smallSettings(1 + (i % 2)) }),
      ),
    );
    expect(versions.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
    expect(versions.map((response) => response.json().version).sort()).toEqual(oneToN(6));
    const activations = await Promise.all(
      [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6].map((version) => api.activate(track.id, version)),
    );
    expect(activations.map((response) => response.statusCode)).toEqual(Array(12).fill(200));
    const history = (await api.call('GET', `/admin/tracks/${track.id}/settings-versions`)).json();
    const current = history.items.filter((item: { current: boolean }) => item.current);
    expect(current).toHaveLength(1);
    expect(current[0].version).toBe(history.currentVersion);
    expect((await api.track(track.id)).currentSettingsVersion).toBe(history.currentVersion);
  });

  it('publishes and unpublishes in parallel, ending in one of the two states with its date', async () => {
    const track = await api.createTrack('race-publish');
    await api.addStage(track.id, 'Basics');
    const module = await api.addModule(track.id, 'footwork');
    await insertQuestions(test, { trackId: track.id, moduleId: module.id }, 2);
    await api.expectStatus(200, api.activate(track.id, await api.createVersion(track.id, smallSettings(2))));
    const publishes = await Promise.all(
      Array.from({ length: 6 }, () => api.call('PATCH', `/admin/tracks/${track.id}`, { status: 'published' })),
    );
    expect(publishes.map((response) => response.statusCode)).toEqual(Array(6).fill(200));
    const published = await api.track(track.id);
    expect(published.status).toBe('published');
    const flips = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.call('PATCH', `/admin/tracks/${track.id}`, { status: i % 2 ? 'draft' : 'published' }),
      ),
    );
    expect(flips.map((response) => response.statusCode)).toEqual(Array(8).fill(200));
    const row = await test.container.db
      .selectFrom('tracks')
      .select(['status', 'publishedAt'])
      .where('id', '=', track.id)
      .executeTakeFirstOrThrow();
    expect(row.publishedAt === null).toBe(row.status === 'draft');
    const list = (await catalogApi(test).call('GET', '/tracks?limit=100')).json();
    expect(list.items.some((item: { id: string }) => item.id === track.id)).toBe(row.status === 'published');
  });

  it('stores each of two parallel imports whole', async () => {
    const track = await api.createTrack('race-import');
    const module = await api.addModule(track.id, 'bulk');
    const file = (prefix: string) =>
      Array.from({ length: 300 }, (_, i) => `::${prefix}${i}::Question ${prefix} ${i}?{=Yes ~No}`).join('\n\n');
    const imports = await Promise.all(
      ['A', 'B', 'C'].map((prefix) =>
        importParts(test, staff.admin, [
          { name: 'trackId', value: track.id },
          { name: 'moduleId', value: module.id },
          { name: 'format', value: 'gift' },
          { name: 'file', fileName: `${prefix}.gift`, content: file(prefix) },
        ]),
      ),
    );
    for (const response of imports) {
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.json()).toMatchObject({ stored: true, imported: 300 });
    }
    const names = await test.container.db
      .selectFrom('questions')
      .select('name')
      .where('trackId', '=', track.id)
      .execute();
    expect(names).toHaveLength(900);
    expect(new Set(names.map((row) => row.name)).size).toBe(900);
    // Meanwhile the module cannot be deleted: its questions hold it.
    const remove = await api.call('DELETE', `/admin/modules/${module.id}`);
    expect(remove.statusCode).toBe(409);
  });

  it('edits one question from many requests at once without starving the connection pool', async () => {
    const track = await api.createTrack('race-edit');
    const module = await api.addModule(track.id, 'edits');
    const created = await api.call('POST', '/admin/questions', {
      trackId: track.id,
      moduleId: module.id,
      kind: 'single',
      text: 'Version 0?',
      options: ['Yes', 'No'],
      correct: [0],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const started = Date.now();
    const edits = await Promise.all(
      Array.from({ length: 25 }, (_, i) => api.call('PATCH', `/admin/questions/${id}`, { text: `Version ${i + 1}?` })),
    );
    expect(edits.map((response) => response.statusCode)).toEqual(Array(25).fill(200));
    expect(Date.now() - started).toBeLessThan(4000);
    const stored = await test.container.db
      .selectFrom('questions')
      .select(['id', 'text'])
      .where('trackId', '=', track.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(edits.map((response) => response.json().question.text)).toContain(stored[0]!.text);
  });

  it('activates and publishes from many requests at once without starving the connection pool', async () => {
    const track = await api.createTrack('race-many');
    await api.addStage(track.id, 'Basics');
    const module = await api.addModule(track.id, 'footwork');
    await insertQuestions(test, { trackId: track.id, moduleId: module.id }, 2);
    const version = await api.createVersion(track.id, smallSettings(2));
    const started = Date.now();
    const results = await Promise.all([
      ...Array.from({ length: 15 }, () => api.activate(track.id, version)),
      ...Array.from({ length: 15 }, () => api.call('PATCH', `/admin/tracks/${track.id}`, { status: 'published' })),
      ...Array.from({ length: 10 }, () => api.call('DELETE', `/admin/modules/${module.id}`)),
    ]);
    expect(Date.now() - started).toBeLessThan(4000);
    for (const response of results) expect([200, 409, 422], response.body).toContain(response.statusCode);
    expect(results.slice(-10).map((response) => response.statusCode)).toEqual(Array(10).fill(409));
  });
});
