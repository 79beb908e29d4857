import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuestionBankFacts } from '../../src/modules/questions/index.ts';
import { insertTrack, markUsed, type TestTrack } from '../questions/tracks.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { caller, draft, ok } from './support.ts';

let test: TestApp;
let staff: Staff;
let track: TestTrack;
let api: ReturnType<typeof caller>;

type Question = { id: string; position: number; text: string; kind: string; options: string[]; correct: number[] };

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  api = caller(test);
  track = await insertTrack(test.container.db, {
    slug: 'minis',
    stages: 2,
    modules: [
      ['m1', 'M1'],
      ['m2', 'M2'],
    ],
  });
});
afterAll(async () => test?.close());

const question = (text: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'single',
  text,
  options: ['yes', 'no'],
  correct: [0],
  explanation: 'Because.',
  ...overrides,
});

async function linkedArticle(overrides: Record<string, unknown> = {}) {
  return ok<{ id: string }>(
    await api(
      'POST',
      '/admin/articles',
      staff.moderator,
      draft({ trackId: track.id, moduleId: track.modules[0]!.id, stageId: track.stages[0]!.id, ...overrides }),
    ),
    201,
  );
}

describe('an article’s mini-test', () => {
  it('is replaced as a whole and read back in order', async () => {
    const article = await linkedArticle({ title: 'Mini one' });
    const first = ok<{ questions: Question[] }>(
      await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, {
        questions: [
          question('One?'),
          question('Two?', { kind: 'multiple', options: ['a', 'b', 'c'], correct: [0, 2] }),
        ],
      }),
    );
    expect(first.questions.map((q) => [q.position, q.text, q.kind])).toEqual([
      [1, 'One?', 'single'],
      [2, 'Two?', 'multiple'],
    ]);
    const replaced = ok<{ questions: Question[] }>(
      await api('PUT', `/admin/articles/${article.id}/minitest`, staff.admin, {
        questions: [question('Three?'), question('Four?'), question('Five?')],
      }),
    );
    expect(replaced.questions.map((q) => q.text)).toEqual(['Three?', 'Four?', 'Five?']);
    const read = ok<{ questions: Question[] }>(await api('GET', `/admin/articles/${article.id}/minitest`, staff.owner));
    expect(read).toEqual(replaced);
    expect(
      ok<{ minitestSize: number }>(await api('GET', `/admin/articles/${article.id}`, staff.moderator)).minitestSize,
    ).toBe(3);
    const rows = await test.container.db
      .selectFrom('questions')
      .select(['trackId', 'moduleId', 'stageId', 'articleId'])
      .where('articleId', '=', article.id)
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      trackId: track.id,
      moduleId: track.modules[0]!.id,
      stageId: track.stages[0]!.id,
      articleId: article.id,
    });
    // Emptied.
    expect(
      ok<{ questions: Question[] }>(
        await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, { questions: [] }),
      ).questions,
    ).toEqual([]);
  });

  it('validates every question with the bank’s rules, all at once', async () => {
    const article = await linkedArticle({ title: 'Mini invalid' });
    const response = await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, {
      questions: [
        question('Fine?'),
        question(' ', { options: ['a', 'a'], correct: [5] }),
        question('Single?', { correct: [0, 1] }),
      ],
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(problem.code).toBe('invalid_minitest');
    expect(problem.errors.map((error) => error.path)).toEqual([
      '/questions/1/text',
      '/questions/1/options/1',
      '/questions/1/correct/0',
      '/questions/2/correct',
    ]);
    expect(problem.errors[0]!.message).toBe('Текст вопроса пуст.');
    const tooMany = await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, {
      questions: Array.from({ length: 21 }, (_, i) => question(`Q${i}?`)),
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors[0].path).toBe('/questions');
    // Nothing was stored.
    expect(
      ok<{ questions: Question[] }>(await api('GET', `/admin/articles/${article.id}/minitest`, staff.moderator))
        .questions,
    ).toEqual([]);
  });

  it('needs the article linked to a track and a module', async () => {
    const unlinked = ok<{ id: string }>(
      await api('POST', '/admin/articles', staff.moderator, draft({ title: 'Loose' })),
      201,
    );
    const response = await api('PUT', `/admin/articles/${unlinked.id}/minitest`, staff.moderator, {
      questions: [question('Q?')],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'minitest_needs_module' });
    const trackOnly = ok<{ id: string }>(
      await api('POST', '/admin/articles', staff.moderator, draft({ title: 'Track only', trackId: track.id })),
      201,
    );
    expect(
      (await api('PUT', `/admin/articles/${trackOnly.id}/minitest`, staff.moderator, { questions: [question('Q?')] }))
        .statusCode,
    ).toBe(422);
  });

  it('retires questions an attempt used instead of deleting them, and then keeps the article', async () => {
    const article = await linkedArticle({ title: 'Mini used' });
    const [used] = ok<{ questions: Question[] }>(
      await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, {
        questions: [question('Used?'), question('Unused?')],
      }),
    ).questions;
    await markUsed(test.container.db, used!.id);
    const replaced = ok<{ questions: Question[] }>(
      await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, { questions: [question('New?')] }),
    );
    expect(replaced.questions.map((q) => q.text)).toEqual(['New?']);
    const rows = await test.container.db
      .selectFrom('questions')
      .select(['text', 'status'])
      .where('articleId', '=', article.id)
      .orderBy('createdAt')
      .execute();
    expect(rows).toEqual([
      { text: 'Used?', status: 'retired' },
      { text: 'New?', status: 'active' },
    ]);
    // A second replacement leaves the retired one alone.
    ok(await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, { questions: [] }));
    const deleted = await api('DELETE', `/admin/articles/${article.id}`, staff.moderator);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toMatchObject({ code: 'article_in_use' });
  });

  it('stays out of the question bank: its list, its facts and exam pools', async () => {
    const article = await linkedArticle({ title: 'Mini hidden', stageId: null, moduleId: track.modules[1]!.id });
    const [mini] = ok<{ questions: Question[] }>(
      await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, { questions: [question('Mini?')] }),
    ).questions;
    const bank = ok<{ items: { id: string }[]; total: number }>(
      await api('GET', `/admin/questions?trackId=${track.id}&limit=100`, staff.moderator),
    );
    expect(bank.items.map((item) => item.id)).not.toContain(mini!.id);
    expect((await api('GET', `/admin/questions/${mini!.id}`, staff.moderator)).statusCode).toBe(404);
    expect((await api('DELETE', `/admin/questions/${mini!.id}`, staff.moderator)).statusCode).toBe(404);
    const pool = await createQuestionBankFacts(test.container.db).activePool(track.id);
    expect(pool).toEqual([]);
    // A bank question of the same module is in the pool.
    ok(
      await api('POST', '/admin/questions', staff.moderator, {
        trackId: track.id,
        moduleId: track.modules[1]!.id,
        kind: 'single',
        text: 'Bank?',
        options: ['a', 'b'],
        correct: [1],
      }),
      201,
    );
    expect(await createQuestionBankFacts(test.container.db).activePool(track.id)).toEqual([
      { moduleId: track.modules[1]!.id, stageId: null },
    ]);
  });

  it('is for staff only; unknown articles are 404', async () => {
    const article = await linkedArticle({ title: 'Mini roles' });
    expect((await api('GET', `/admin/articles/${article.id}/minitest`, staff.student)).statusCode).toBe(403);
    expect((await api('PUT', `/admin/articles/${article.id}/minitest`, null, { questions: [] })).statusCode).toBe(401);
    expect(
      (
        await api('PUT', '/admin/articles/0190a0b0-0000-7000-8000-000000000000/minitest', staff.moderator, {
          questions: [],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('goes with its article when the article is deleted', async () => {
    const article = await linkedArticle({ title: 'Mini gone' });
    ok(await api('PUT', `/admin/articles/${article.id}/minitest`, staff.moderator, { questions: [question('Gone?')] }));
    expect((await api('DELETE', `/admin/articles/${article.id}`, staff.moderator)).statusCode).toBe(204);
    const left = await test.container.db
      .selectFrom('questions')
      .select('id')
      .where('articleId', '=', article.id)
      .execute();
    expect(left).toEqual([]);
  });
});
