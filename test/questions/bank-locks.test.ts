import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionActor } from '../../src/modules/questions/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { staffUsers } from '../support/staff.ts';
import { insertTrack, type TestTrack } from './tracks.ts';

let test: TestApp;
let actor: QuestionActor;
let track: TestTrack;

beforeAll(async () => {
  test = await createTestApp();
  const staff = await staffUsers(test);
  actor = { id: staff.moderator.userId, role: 'moderator' };
  track = await insertTrack(test.container.db, { slug: 'locks', stages: 1, modules: [['grooves', 'Grooves']] });
});
afterAll(() => test.close());

const question = () =>
  test.container.modules.questions.useCases.createQuestion({
    actor,
    draft: {
      trackId: track.id,
      moduleId: track.modules[0]!.id,
      stageId: null,
      kind: 'single',
      name: null,
      text: `Which count? ${Math.random()}`,
      options: ['1', '2'],
      correct: [0],
      explanation: '',
    },
    now: new Date(),
  });

/** Whether some backend of this database is waiting for a lock right now. */
async function someoneWaitsForALock(): Promise<boolean> {
  const result = await test.container.pool.query(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return (result.rows[0] as { waiting: number }).waiting > 0;
}

/**
 * Publishing and activation lock the track and count its active questions in one transaction;
 * a change that can shrink the pool must wait for them (and they for it), or a track could go
 * live with a bank that cannot fill its exams.
 */
describe('bank changes and the track lock', () => {
  it.each([
    [
      'retiring',
      (id: string) => test.container.modules.questions.useCases.retireQuestion({ actor, id, now: new Date() }),
    ],
    ['deleting', (id: string) => test.container.modules.questions.useCases.deleteQuestion({ actor, id })],
    [
      'moving to another stage tier',
      (id: string) =>
        test.container.modules.questions.useCases.updateQuestion({
          actor,
          id,
          changes: { stageId: track.stages[0]!.id },
          now: new Date(),
        }),
    ],
  ])('%s a question waits while the track is locked for publishing', async (_name, change) => {
    const { id } = await question();
    const publisher = await test.container.pool.connect();
    try {
      await publisher.query('BEGIN');
      await publisher.query('SELECT id FROM tracks WHERE id = $1 FOR UPDATE', [track.id]);
      let finished = false;
      const changing = change(id).then(() => (finished = true));
      const deadline = Date.now() + 5_000;
      while (!(await someoneWaitsForALock()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await someoneWaitsForALock()).toBe(true);
      expect(finished).toBe(false);
      await publisher.query('COMMIT');
      await changing;
      expect(finished).toBe(true);
    } finally {
      publisher.release();
    }
  });
});
