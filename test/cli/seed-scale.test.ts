import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCALE_PASSWORD,
  SCALE_STAFF,
  scaleSizes,
  scaleStudentEmail,
  scaleStudentStage,
  scaleStudentState,
  scaleStudentTrack,
  scaleLevelExamFailedFirst,
  type ScaleStudentState,
} from '../../src/cli/seed-scale/manifest.ts';
import { SCALE_TABLES, seedScale } from '../../src/cli/seed-scale/run.ts';
import { createArgon2Hasher } from '../../src/modules/identity/infrastructure/argon2-hasher.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runBaza } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { login } from '../support/identity.ts';

const STUDENTS = 300;
const SEED = 7;

let first: TestDatabase;
let second: TestDatabase;
let test: TestApp;

async function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const studentsIn = (state: ScaleStudentState) =>
  Array.from({ length: STUDENTS }, (_, index) => index + 1).filter((i) => scaleStudentState(i) === state);

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // The cheapest argon2id the hasher accepts: the hash carries its parameters, logins verify it.
  const passwordHash = await createArgon2Hasher({ memoryKib: 8192, iterations: 1, parallelism: 1 }).hash(
    SCALE_PASSWORD,
  );
  await Promise.all(
    [first, second].map((database) =>
      seedScale({ connectionString: database.url, students: STUDENTS, seed: SEED, passwordHash }),
    ),
  );
  test = await createTestApp({ connectionString: first.url });
}, 240_000);

afterAll(async () => {
  await test?.close();
  await first?.drop();
  await second?.drop();
});

describe('baza seed scale', () => {
  it('builds the sizes scaleSizes promises, with every state of the manifest', async () => {
    const sizes = scaleSizes(STUDENTS);
    const [counts] = await query<Record<string, number>>(
      first.url,
      `SELECT (SELECT count(*) FROM users WHERE role = 'student')::int AS students,
              (SELECT count(*) FROM users WHERE role <> 'student')::int AS staff,
              (SELECT count(*) FROM tracks WHERE status = 'published')::int AS tracks,
              (SELECT count(*) FROM questions WHERE article_id IS NULL)::int AS questions,
              (SELECT count(*) FROM articles)::int AS articles,
              (SELECT count(*) FROM articles WHERE track_id IS NOT NULL)::int AS study_articles,
              (SELECT count(*) FROM matrix_items)::int AS matrix_items,
              (SELECT count(*) FROM attempts WHERE status IN ('passed', 'failed'))::int AS attempts,
              (SELECT count(*) FROM attempts WHERE status = 'in_progress')::int AS open_attempts,
              (SELECT count(*) FROM approval_requests WHERE status = 'pending')::int AS pending,
              (SELECT count(*) FROM certificates)::int AS certificates`,
    );
    expect(counts).toEqual({
      students: STUDENTS,
      staff: 3,
      tracks: sizes.tracks,
      questions: sizes.questions,
      articles: sizes.articles,
      study_articles: sizes.studyArticles,
      matrix_items: sizes.matrixItems,
      attempts: sizes.attempts,
      open_attempts: 0,
      pending: studentsIn('pending-approval').length,
      certificates: studentsIn('graduated').length,
    });
    const statuses = await query<{ status: string; n: number }>(
      first.url,
      'SELECT status, count(*)::int AS n FROM enrollments GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(statuses.map((row) => [row.status, row.n]))).toEqual({
      diagnostic: studentsIn('diagnostic').length,
      learning: studentsIn('studying').length + studentsIn('exam-ready').length + studentsIn('pending-approval').length,
      final: studentsIn('final').length,
      graduated: studentsIn('graduated').length,
    });
  });

  it('gives identical data, ids included, for the same N and seed', async () => {
    const digest = (url: string) =>
      query<Record<string, string>>(
        url,
        `SELECT ${SCALE_TABLES.map(
          (table) => `(SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ${table} AS t) AS ${table}`,
        ).join(', ')}`,
      );
    const [a] = await digest(first.url);
    const [b] = await digest(second.url);
    expect(Object.values(a!).every((value) => typeof value === 'string')).toBe(true);
    expect(b).toEqual(a);
  });

  it("lets an 'exam-ready' student start a new level exam of their stage through the app", async () => {
    // One who failed the exam before (the cooldown is over) and one who never took it.
    const readers = studentsIn('exam-ready');
    const picks = [
      readers.find((i) => scaleLevelExamFailedFirst(i, scaleStudentStage(i))),
      readers.find((i) => !scaleLevelExamFailedFirst(i, scaleStudentStage(i)) && scaleStudentStage(i) > 1),
    ];
    for (const i of picks) {
      expect(i).toBeDefined();
      const student = await login(test.app, scaleStudentEmail(i!), SCALE_PASSWORD);
      const before = await query<{ id: string }>(first.url, 'SELECT id FROM attempts WHERE user_id = $1', [
        student.userId,
      ]);
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/v1/me/tracks/${scaleStudentTrack(i!)}/stages/${scaleStudentStage(i!)}/level-exam`,
        headers: student.auth,
      });
      expect(response.statusCode, response.body).toBe(201);
      const attemptId = response.json<{ attemptId: string }>().attemptId;
      expect(before.map((row) => row.id)).not.toContain(attemptId);
    }
  });

  it("puts every 'pending-approval' student's request in the staff approvals queue", async () => {
    const admin = await login(test.app, SCALE_STAFF.admin, SCALE_PASSWORD);
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/approvals?status=pending&limit=100',
      headers: admin.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{
      items: { kind: string; student: { email: string }; track: { slug: string }; stage: { position: number } }[];
      total: number;
    }>();
    const pending = studentsIn('pending-approval');
    expect(page.total).toBe(pending.length);
    const queued = page.items.map((item) => [item.student.email, item.track.slug, item.stage.position, item.kind]);
    const expected = pending.map((i) => [
      scaleStudentEmail(i),
      scaleStudentTrack(i),
      scaleStudentStage(i),
      'stage_transition',
    ]);
    expect(queued.sort()).toEqual(expected.sort());
  });

  // The exam starts above add attempts in progress: they have no grades yet.
  it('keeps mastery, grades and answers consistent with each other', async () => {
    const mismatches = await query<{ what: string; n: number }>(
      first.url,
      `SELECT 'mastery' AS what, count(*)::int AS n FROM (
         SELECT a.user_id, aq.module_id, count(*) AS answered, count(*) FILTER (WHERE aq.correct) AS correct
         FROM attempts a JOIN attempt_questions aq ON aq.attempt_id = a.id
         WHERE a.status <> 'in_progress' GROUP BY 1, 2
       ) AS s FULL JOIN mastery m ON m.user_id = s.user_id AND m.module_id = s.module_id
       WHERE m.answered IS DISTINCT FROM s.answered OR m.correct IS DISTINCT FROM s.correct
       UNION ALL
       SELECT 'answers', count(*)::int FROM attempt_questions aq
       JOIN questions q ON q.id = aq.question_id
       LEFT JOIN attempt_answers ans ON ans.attempt_id = aq.attempt_id AND ans.question_id = aq.question_id
       JOIN attempts a ON a.id = aq.attempt_id AND a.status <> 'in_progress'
       WHERE aq.correct IS DISTINCT FROM coalesce(ans.selected = q.correct, false)
       UNION ALL
       SELECT 'grades', count(*)::int FROM attempts a
       WHERE a.status <> 'in_progress' AND a.correct_count <> (SELECT count(*) FILTER (WHERE correct) FROM attempt_questions WHERE attempt_id = a.id)
          OR a.question_count <> (SELECT count(*) FROM attempt_questions WHERE attempt_id = a.id)
          OR (a.status = 'passed') <> (a.kind = 'diagnostic' OR a.score >= a.pass_percent)
       UNION ALL
       SELECT 'requests', count(*)::int FROM approval_requests r JOIN attempts a ON a.id = r.attempt_id
       WHERE a.status <> 'passed'`,
    );
    expect(Object.fromEntries(mismatches.map((row) => [row.what, row.n]))).toEqual({
      mastery: 0,
      answers: 0,
      grades: 0,
      requests: 0,
    });
  });

  it('seeds an empty database from the CLI, and refuses one with accounts of its own or a second run', async () => {
    const [foreign, empty] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await query(
        foreign.url,
        `INSERT INTO users (id, email, password_hash, display_name, locale, password_changed_at, created_at, updated_at)
         VALUES (gen_random_uuid(), 'teacher@school.test', 'x', 'Teacher', 'en', now(), now(), now())`,
      );
      // The runs at once: each is mostly the CLI's start-up.
      const [seeded, refused, again] = await Promise.all([
        runBaza(empty.url, ['seed', 'scale', '--students', '5', '--seed', '3']),
        runBaza(foreign.url, ['seed', 'scale', '--students', '10']),
        runBaza(second.url, ['seed', 'scale', '--students', '10']),
      ]);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain('scaled database: 5 students');
      const [students] = await query<{ n: number }>(
        empty.url,
        "SELECT count(*)::int AS n FROM users WHERE role = 'student'",
      );
      expect(students!.n).toBe(5);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('not scale accounts');
      const [users] = await query<{ n: number }>(foreign.url, 'SELECT count(*)::int AS n FROM users');
      expect(users!.n).toBe(1);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('not empty');
    } finally {
      await Promise.all([foreign.drop(), empty.drop()]);
    }
  }, 180_000);
});
