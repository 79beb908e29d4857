import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { bankOf, importFile } from './import-support.ts';
import { insertTrack, type TestTrack } from './tracks.ts';

let test: TestApp;
let staff: Staff;
let source: TestTrack;
let copy: TestTrack;

const MODULES = [
  ['footwork', 'Footwork'],
  ['rhythm', 'Rhythm'],
] as const;

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '10000' } });
  staff = await staffUsers(test);
  source = await insertTrack(test.container.db, { slug: 'hip-hop', stages: 3, modules: MODULES });
  copy = await insertTrack(test.container.db, { slug: 'hip-hop-copy', stages: 3, modules: MODULES });
});
afterAll(async () => test?.close());

async function create(payload: Record<string, unknown>) {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/admin/questions',
    headers: staff.admin.auth,
    payload: { trackId: source.id, stageId: null, name: null, explanation: '', kind: 'single', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const exportOf = (trackId: string, query = '') =>
  test.app.inject({
    method: 'GET',
    url: `/api/v1/admin/questions/export?trackId=${trackId}${query}`,
    headers: staff.moderator.auth,
  });

describe('GET /admin/questions/export', () => {
  it('writes the active questions as GIFT that imports back to the same questions', async () => {
    await create({
      moduleId: source.modules[1]!.id,
      stageId: source.stages[2]!.id,
      name: 'Tricky: {name}',
      text: 'GIFT specials { } = ~ # : \\ and\nline breaks, **Markdown** too',
      options: ['%d and %s', '= sign', '[html] not a prefix'],
      correct: [1],
      explanation: 'Because ~ #\n\nsecond paragraph',
    });
    await create({
      moduleId: source.modules[0]!.id,
      kind: 'multiple',
      text: 'Which steps are *basic*?',
      options: ['Rock', 'Toprock', 'Freeze'],
      correct: [0, 1, 2],
    });
    await create({
      moduleId: source.modules[0]!.id,
      stageId: source.stages[0]!.id,
      text: 'Tier one',
      options: ['a', 'b'],
      correct: [1],
    });
    const retired = await create({
      moduleId: source.modules[0]!.id,
      text: 'Old news',
      options: ['a', 'b'],
      correct: [0],
    });
    await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/questions/${retired.id}/retire`,
      headers: staff.admin.auth,
    });

    const response = await exportOf(source.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="hip-hop-questions.gift"; filename*=UTF-8''hip-hop-questions.gift`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('$CATEGORY: footwork\n');
    expect(response.body).toContain('$CATEGORY: footwork/stage-1\n');
    expect(response.body).toContain('$CATEGORY: rhythm/stage-3\n');
    expect(response.body).not.toContain('Old news');
    expect((await exportOf('hip-hop')).body).toBe(response.body);

    const imported = await importFile(
      test,
      staff.moderator,
      { format: 'gift', trackId: copy.id },
      { content: response.body, fileName: 'hip-hop-questions.gift' },
    );
    expect(imported.json()).toMatchObject({ stored: true, imported: 3, rejected: [] });

    const comparable = (track: TestTrack) => async () =>
      (await bankOf(test, staff.moderator, track.id))
        .filter((question) => question.status === 'active')
        .map((question) => ({
          name: question.name,
          text: question.text,
          options: question.options,
          correct: question.correct,
          kind: question.kind,
          explanation: question.explanation,
          module: track.modules.find((module) => module.id === question.moduleId)?.slug,
          stage: track.stages.find((stage) => stage.id === question.stageId)?.position ?? null,
        }))
        .sort((a, b) => String(a.text).localeCompare(String(b.text)));
    const original = await comparable(source)();
    expect(original).toHaveLength(3);
    expect(await comparable(copy)()).toEqual(original);
  });

  it('is 404 for an unknown track and 400 for another format', async () => {
    const unknown = await exportOf(randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('track_not_found');
    expect((await exportOf(source.id, '&format=csv')).statusCode).toBe(400);
  });

  it('writes an empty file for a track without questions', async () => {
    const empty = await insertTrack(test.container.db, { slug: 'empty', modules: [['m', 'M']] });
    const response = await exportOf(empty.id);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});
