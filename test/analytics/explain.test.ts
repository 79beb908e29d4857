import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSumsQuery, optionCountsQuery } from '../../src/modules/analytics/infrastructure/analytics.reads.ts';
import type { Db } from '../../src/shared/infrastructure/db/database.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createLearningTrack, type LearningTrack } from '../support/learning.ts';
import { staffUsers } from '../support/staff.ts';

let test: TestApp;
let target: LearningTrack;

/**
 * `attempts` exam rows for every (user, stage 1) of a track, `perUser` each, with 8 random
 * questions answered at random. Bulk-loaded in SQL: the answer trigger (answers only while in
 * progress) is switched off for the load, since the attempts go in already finished.
 */
async function load(db: Db, track: LearningTrack, userIds: readonly string[], perUser: number) {
  const stageId = track.stages[0]?.id as string;
  for (const userId of userIds) {
    const enrollment = crypto.randomUUID();
    await db
      .insertInto('enrollments')
      .values({
        id: enrollment,
        userId,
        trackId: track.id,
        status: 'learning',
        enrolledAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    await db
      .insertInto('stageProgress')
      .values({
        userId,
        stageId,
        enrollmentId: enrollment,
        trackId: track.id,
        settingsVersion: track.settingsVersion,
        startedAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
  }
  await sql`
    INSERT INTO attempts (id, user_id, track_id, kind, stage_id, settings_version, number, status, seed,
                          started_at, finished_at, correct_count, question_count, score, pass_percent)
    SELECT gen_random_uuid(), u.id, ${track.id}, 'level_exam', ${stageId}, ${track.settingsVersion}, n, 'failed', n,
           now() - interval '1 day' + n * interval '1 minute', now() - interval '1 day' + n * interval '1 minute',
           0, 8, floor(random() * 60)::int, 60
      FROM unnest(${userIds}::uuid[]) AS u(id), generate_series(1, ${perUser}) AS n`.execute(db);
  await sql`
    INSERT INTO attempt_questions (attempt_id, question_id, position, module_id, correct)
    SELECT a.id, q.id, row_number() OVER (PARTITION BY a.id ORDER BY q.id), q.module_id, random() < 0.5
      FROM attempts a
      CROSS JOIN LATERAL (
        SELECT id, module_id FROM questions
         WHERE track_id = a.track_id AND article_id IS NULL
         ORDER BY md5(a.id::text || id::text) LIMIT 8
      ) q
     WHERE a.track_id = ${track.id}`.execute(db);
  await sql`
    INSERT INTO attempt_answers (attempt_id, question_id, selected, answered_at)
    SELECT aq.attempt_id, aq.question_id, ARRAY[floor(random() * 3)::smallint], now()
      FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
     WHERE a.track_id = ${track.id}`.execute(db);
}

beforeAll(async () => {
  test = await createTestApp();
  const staff = await staffUsers(test);
  target = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
  const other = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3 });
  const users = [staff.owner, staff.admin, staff.moderator, staff.student].map((user) => user.userId);
  const db = test.container.db;
  await sql`ALTER TABLE attempt_answers DISABLE TRIGGER attempt_answers_attempt_open`.execute(db);
  try {
    await load(db, target, users, 150);
    await load(db, other, users, 3000);
  } finally {
    await sql`ALTER TABLE attempt_answers ENABLE TRIGGER attempt_answers_attempt_open`.execute(db);
  }
  await sql`VACUUM ANALYZE attempts, attempt_questions, attempt_answers`.execute(db);
});
afterAll(() => test.close());

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

/** The plan's tree (the single column's name is whatever the camel-case plugin makes of "QUERY PLAN"). */
async function plan(query: RawBuilder<unknown>): Promise<PlanNode> {
  const compiled = query.compile(test.container.db);
  const { rows } = await test.container.db.executeQuery<Record<string, [{ Plan: PlanNode }]>>({
    ...compiled,
    sql: `EXPLAIN (FORMAT JSON) ${compiled.sql}`,
  });
  const [output] = Object.values(rows[0] ?? {});
  if (!output) throw new Error('EXPLAIN returned nothing');
  return output[0].Plan;
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

describe('the per-question statistics queries at a few thousand answers', () => {
  it('has the data it claims', async () => {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM attempt_answers ans JOIN attempts a ON a.id = ans.attempt_id
       WHERE a.track_id = ${target.id}`.execute(test.container.db);
    expect(rows[0]?.count).toBe(4 * 150 * 8);
  });

  for (const [name, query] of [
    ['item sums', itemSumsQuery],
    ['option counts', optionCountsQuery],
  ] as const) {
    it(`${name}: reaches attempt_questions and attempt_answers through indexes, not sequential scans`, async () => {
      const all = nodes(await plan(query(target.id)));
      console.log(
        name,
        JSON.stringify(all.map((node) => [node['Node Type'], node['Relation Name'], node['Index Name']])),
      );
      const seqScans = all.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']);
      expect(seqScans).not.toContain('attempt_questions');
      expect(seqScans).not.toContain('attempt_answers');
      expect(seqScans).not.toContain('attempts');
      const indexes = all.map((node) => node['Index Name']).filter(Boolean);
      expect(indexes).toContain('attempts_track_kind_idx');
      expect(indexes).toContain('attempt_answers_pkey');
      if (name === 'item sums') expect(indexes).toContain('attempt_questions_pkey');
    });
  }
});
