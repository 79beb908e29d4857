import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { staffUsers } from '../support/staff.ts';
import { type Api, catalogApi, insertQuestions, smallSettings } from './support.ts';

describe('stages and modules API', () => {
  let test: TestApp;
  let api: Api;
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    api = catalogApi(test, (await staffUsers(test)).admin);
  });
  afterAll(async () => test?.close());

  const stageTitles = async (trackId: string) =>
    (await api.track(trackId)).stages.map((stage) => `${stage.position}:${stage.title}`);
  const moduleSlugs = async (trackId: string) =>
    (await api.track(trackId)).modules.map((module) => `${module.position}:${module.slug}`);

  it('appends stages at the next position and edits them', async () => {
    const { id } = await api.createTrack('stages');
    const first = await api.expectStatus(
      201,
      api.call('POST', `/admin/tracks/${id}/stages`, { title: ' Warm-up ', description: 'Slow' }),
    );
    expect(first.json()).toEqual({ id: expect.any(String), position: 1, title: 'Warm-up', description: 'Slow' });
    await api.addStage(id, 'Groove');
    const edited = await api.call('PATCH', `/admin/stages/${first.json().id}`, { title: 'Warm up', description: '' });
    expect(edited.json()).toEqual({ id: first.json().id, position: 1, title: 'Warm up', description: '' });
    expect(await stageTitles(id)).toEqual(['1:Warm up', '2:Groove']);
    const invalid = await api.call('PATCH', `/admin/stages/${first.json().id}`, {
      title: '',
      description: 'y'.repeat(20_001),
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(['/title', '/description']);
  });

  it('moves a stage to another position, shifting the ones between, and checks the position', async () => {
    const { id } = await api.createTrack('reorder');
    const stages: { id: string }[] = [];
    for (const title of ['A', 'B', 'C', 'D']) stages.push(await api.addStage(id, title));
    const move = (index: number, position: number) =>
      api.call('PATCH', `/admin/stages/${stages[index]!.id}`, { position });
    expect((await move(3, 1)).json()).toMatchObject({ title: 'D', position: 1 });
    expect(await stageTitles(id)).toEqual(['1:D', '2:A', '3:B', '4:C']);
    await api.expectStatus(200, move(3, 4));
    expect(await stageTitles(id)).toEqual(['1:A', '2:B', '3:C', '4:D']);
    await api.expectStatus(200, move(0, 3));
    expect(await stageTitles(id)).toEqual(['1:B', '2:C', '3:A', '4:D']);
    for (const position of [0, 5, -1]) {
      const response = await move(0, position);
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([{ path: '/position', message: 'Позиция — целое число от 1 до 4.' }]);
    }
    expect((await move(0, 1.5)).statusCode).toBe(400);
    expect(await stageTitles(id)).toEqual(['1:B', '2:C', '3:A', '4:D']);
  });

  it('deletes an unused stage and renumbers the rest; a used one is 409 with the count', async () => {
    const { id } = await api.createTrack('stage-delete');
    const [a, b, c] = [await api.addStage(id, 'A'), await api.addStage(id, 'B'), await api.addStage(id, 'C')];
    const module = await api.addModule(id, 'm');
    await api.expectStatus(204, api.call('DELETE', `/admin/stages/${a.id}`));
    expect(await stageTitles(id)).toEqual(['1:B', '2:C']);
    await insertQuestions(test, { trackId: id, moduleId: module.id, stageId: c.id }, 2);
    await insertQuestions(test, { trackId: id, moduleId: module.id, stageId: c.id, status: 'retired' }, 1);
    const used = await api.call('DELETE', `/admin/stages/${c.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({
      code: 'stage_in_use',
      detail: 'Этап нельзя удалить: его используют вопросы (3).',
    });
    expect(await stageTitles(id)).toEqual(['1:B', '2:C']);
    expect((await api.track(id)).stages.map((stage) => stage.activeQuestions)).toEqual([0, 2]);
    await api.expectStatus(204, api.call('DELETE', `/admin/stages/${b.id}`));
    expect(await stageTitles(id)).toEqual(['1:C']);
    expect((await api.call('DELETE', `/admin/stages/${b.id}`)).statusCode).toBe(404);
  });

  it('adds modules with slugs unique in the track, edits, moves and deletes them', async () => {
    const { id } = await api.createTrack('modules');
    const other = await api.createTrack('modules-other');
    const footwork = await api.expectStatus(
      201,
      api.call('POST', `/admin/tracks/${id}/modules`, { slug: 'footwork', title: 'Footwork', description: 'Feet' }),
    );
    expect(footwork.json()).toEqual({
      id: expect.any(String),
      slug: 'footwork',
      position: 1,
      title: 'Footwork',
      description: 'Feet',
    });
    await api.addModule(other.id, 'footwork');
    const rhythm = await api.addModule(id, 'rhythm', 'Rhythm');
    const taken = await api.call('POST', `/admin/tracks/${id}/modules`, { slug: 'footwork', title: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'module_slug_taken',
      detail: 'В треке уже есть модуль с адресом «footwork».',
    });
    const renamed = await api.call('PATCH', `/admin/modules/${rhythm.id}`, { slug: 'footwork' });
    expect(renamed.statusCode).toBe(409);
    const bad = await api.call('POST', `/admin/tracks/${id}/modules`, { slug: '-x-', title: '' });
    expect(bad.json().errors.map((error: { path: string }) => error.path)).toEqual(['/title', '/slug']);

    const moved = await api.call('PATCH', `/admin/modules/${rhythm.id}`, { position: 1, slug: 'rhythm-and-time' });
    expect(moved.json()).toMatchObject({ slug: 'rhythm-and-time', position: 1 });
    expect(await moduleSlugs(id)).toEqual(['1:rhythm-and-time', '2:footwork']);

    await insertQuestions(test, { trackId: id, moduleId: footwork.json().id }, 1);
    const used = await api.call('DELETE', `/admin/modules/${footwork.json().id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({
      code: 'module_in_use',
      detail: 'Модуль нельзя удалить: его используют вопросы (1).',
    });
    await api.expectStatus(204, api.call('DELETE', `/admin/modules/${rhythm.id}`));
    expect(await moduleSlugs(id)).toEqual(['1:footwork']);
  });

  it('keeps the stages and modules of a published track as they are; titles may still change', async () => {
    const { id } = await api.createTrack('frozen');
    const stage = await api.addStage(id, 'Only');
    await api.addStage(id, 'Second');
    const module = await api.addModule(id, 'only');
    await insertQuestions(test, { trackId: id, moduleId: module.id }, 2);
    await api.createVersion(id, smallSettings(2));
    await api.expectStatus(200, api.activate(id, 1));
    await api.expectStatus(200, api.call('PATCH', `/admin/tracks/${id}`, { status: 'published' }));

    for (const [method, url, payload] of [
      ['POST', `/admin/tracks/${id}/stages`, { title: 'More' }],
      ['POST', `/admin/tracks/${id}/modules`, { slug: 'more', title: 'More' }],
      ['PATCH', `/admin/stages/${stage.id}`, { position: 2 }],
      ['DELETE', `/admin/stages/${stage.id}`],
      ['DELETE', `/admin/modules/${module.id}`],
    ] as const) {
      const response = await api.call(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(response.json().code).toBe('track_published');
    }
    await api.expectStatus(200, api.call('PATCH', `/admin/stages/${stage.id}`, { title: 'Only stage' }));
    expect(await stageTitles(id)).toEqual(['1:Only stage', '2:Second']);
  });

  it('keeps positions unique and gapless under concurrent appends and moves', async () => {
    const { id } = await api.createTrack('race');
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((title) => api.addStage(id, title)));
    const stages = (await api.track(id)).stages;
    expect(stages.map((stage) => stage.position)).toEqual([1, 2, 3, 4, 5]);
    const moves = await Promise.all(
      stages.map((stage, index) => api.call('PATCH', `/admin/stages/${stage.id}`, { position: 5 - index })),
    );
    expect(moves.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await api.track(id)).stages.map((stage) => stage.position)).toEqual([1, 2, 3, 4, 5]);
  });
});
