import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { createQuestionUsage } from '../../src/modules/questions/index.ts';
import { insertTrack, type TestTrack } from './tracks.ts';

let test: TestApp;
let staff: Staff;
let track: TestTrack;
let other: TestTrack;

beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
  track = await insertTrack(test.container.db, { slug: 'frozen', stages: 1, modules: [['m', 'M']] });
  other = await insertTrack(test.container.db, { slug: 'elsewhere', stages: 1, modules: [['x', 'X']] });
});
afterAll(async () => test?.close());

const actor = () => ({ id: staff.admin.userId, role: 'admin' as const });
const useCases = () => test.container.modules.questions.useCases;

async function question() {
  return useCases().createQuestion({
    actor: actor(),
    now: new Date(),
    draft: {
      trackId: track.id,
      moduleId: track.modules[0]!.id,
      stageId: null,
      kind: 'single',
      name: null,
      text: 'Frozen?',
      options: ['yes', 'no'],
      correct: [0],
      explanation: '',
    },
  });
}

describe('a used question', () => {
  it('is marked used by the assessment port once, keeping its first time', async () => {
    const { id } = await question();
    const first = new Date('2030-01-01T00:00:00Z');
    await test.container.db.transaction().execute((tx) => createQuestionUsage(tx).markUsed([id], first));
    await test.container.db.transaction().execute((tx) => createQuestionUsage(tx).markUsed([id], new Date()));
    expect((await useCases().getQuestion({ actor: actor(), id })).usedAt).toEqual(first);
  });

  it('cannot be changed or deleted in the database itself', async () => {
    const { id } = await question();
    await test.container.db.transaction().execute((tx) => createQuestionUsage(tx).markUsed([id], new Date()));
    const db = test.container.db;
    await expect(
      db.updateTable('questions').set({ text: 'Changed' }).where('id', '=', id).execute(),
    ).rejects.toMatchObject({ constraint: 'questions_used_is_frozen' });
    await expect(
      db.updateTable('questions').set({ usedAt: null }).where('id', '=', id).execute(),
    ).rejects.toMatchObject({
      constraint: 'questions_used_is_frozen',
    });
    await expect(db.deleteFrom('questions').where('id', '=', id).execute()).rejects.toMatchObject({
      constraint: 'questions_used_is_kept',
    });
    // Retiring it is allowed: only its content is frozen.
    const retired = await useCases().retireQuestion({ actor: actor(), id, now: new Date() });
    expect(retired.status).toBe('retired');
  });

  it('is replaced on edit through the use case, and the old one keeps its content', async () => {
    const old = await question();
    await test.container.db.transaction().execute((tx) => createQuestionUsage(tx).markUsed([old.id], new Date()));
    const { question: replacement, replaced } = await useCases().updateQuestion({
      actor: actor(),
      id: old.id,
      changes: { options: ['yes', 'no', 'maybe'] },
      now: new Date(),
    });
    expect(replaced).toBe(true);
    expect(replacement).toMatchObject({
      replacesId: old.id,
      options: ['yes', 'no', 'maybe'],
      usedAt: null,
      status: 'active',
    });
    const kept = await useCases().getQuestion({ actor: actor(), id: old.id });
    expect(kept).toMatchObject({ status: 'retired', options: ['yes', 'no'], text: 'Frozen?' });
    await expect(useCases().deleteQuestion({ actor: actor(), id: old.id })).rejects.toMatchObject({
      code: 'questions.question_used',
    });
  });
});

describe('the database keeps questions in their track', () => {
  it('refuses a module or a stage of another track (composite foreign keys)', async () => {
    const row = {
      id: randomUUID(),
      trackId: track.id,
      moduleId: other.modules[0]!.id,
      stageId: null,
      kind: 'single' as const,
      name: null,
      text: 'Q',
      options: ['a', 'b'],
      correct: [0],
      explanation: '',
      status: 'active' as const,
      retiredAt: null,
      replacesId: null,
      usedAt: null,
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const db = test.container.db;
    await expect(db.insertInto('questions').values(row).execute()).rejects.toMatchObject({
      constraint: 'questions_module_fkey',
    });
    await expect(
      db
        .insertInto('questions')
        .values({ ...row, moduleId: track.modules[0]!.id, stageId: other.stages[0]!.id })
        .execute(),
    ).rejects.toMatchObject({ constraint: 'questions_stage_fkey' });
    await db
      .insertInto('questions')
      .values({ ...row, moduleId: track.modules[0]!.id })
      .execute();
  });

  it('the use case names the field when a module of another track is asked for', async () => {
    const created = await question();
    await expect(
      useCases().updateQuestion({
        actor: actor(),
        id: created.id,
        changes: { moduleId: other.modules[0]!.id },
        now: new Date(),
      }),
    ).rejects.toMatchObject({
      code: 'questions.invalid_question',
      issues: [{ path: '/moduleId', code: 'module_not_in_track' }],
    });
  });
});
