import { insertBankQuestions, insertStaff, insertTracks } from './catalog.ts';
import { deferForeignKeysAndIndexes } from './bulk-load.ts';
import { insertArticles } from './content.ts';
import { SCALE_EMAIL_DOMAIN, SCALE_TRACK_SLUGS, scaleSizes, type ScaleSizes } from './manifest.ts';
import { insertMatrix } from './matrix.ts';
import { openSeedSession, type SeedSession } from './session.ts';
import { insertStudents } from './students.ts';

/** The database already holds data that is not the scale seed's own: it is never mixed with. */
export class ForeignDataError extends Error {}

export type ScaleSeedOptions = {
  connectionString: string;
  students: number;
  seed: number;
  /** SCALE_PASSWORD hashed once by the app's own hasher; every account shares it. */
  passwordHash: string;
  /** Students done so far, of all. */
  onProgress?: (done: number, total: number) => void;
  say?: (line: string) => void;
};

export type ScaleSeedReport = { sizes: ScaleSizes; rows: Record<string, number>; elapsedMs: number };

const STUDENT_BATCH = 2_000;
const QUESTION_BATCH = 10_000;
const ARTICLE_BATCH = 2_000;
/** The tables that get most rows: their foreign keys and plain indexes are built after the load. */
const BULK_TABLES = [
  'questions',
  'articles',
  'attempts',
  'attempt_questions',
  'attempt_answers',
  'article_assignments',
  'stage_progress',
  'mastery',
  'approval_requests',
];
/** The tables the summary counts (and the determinism test digests). */
export const SCALE_TABLES = [
  'users',
  'tracks',
  'questions',
  'articles',
  'matrix_items',
  'enrollments',
  'stage_progress',
  'article_assignments',
  'attempts',
  'attempt_questions',
  'attempt_answers',
  'mastery',
  'approval_requests',
  'certificates',
] as const;

/**
 * `baza seed scale`: one transaction, so a run either leaves the whole scaled database or
 * nothing; VACUUM (ANALYZE) after it, as autovacuum would have done on a living database: real
 * statistics for the planner and a visibility map, without which every index-only scan (the
 * counts of the lists) would read the table's pages instead.
 */
export async function seedScale(options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  const started = performance.now();
  const sizes = scaleSizes(options.students);
  const say = (line: string) => options.say?.(`${line} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const session = await openSeedSession(options.connectionString, {
    seed: options.seed,
    sizes,
    passwordHash: options.passwordHash,
  });
  try {
    await session.query('BEGIN');
    await refuseForeignData(session);
    const restore = await deferForeignKeysAndIndexes(session, BULK_TABLES);
    await insertStaff(session);
    await insertTracks(session);
    say(`tracks: ${SCALE_TRACK_SLUGS.join(', ')}`);
    for (let from = 0; from < sizes.questions; from += QUESTION_BATCH) {
      await insertBankQuestions(session, from, Math.min(sizes.questions, from + QUESTION_BATCH));
    }
    say(`question bank: ${sizes.questions} questions`);
    for (let from = 0; from < sizes.articles; from += ARTICLE_BATCH) {
      await insertArticles(session, from, Math.min(sizes.articles, from + ARTICLE_BATCH));
    }
    say(`articles: ${sizes.articles} (${sizes.studyArticles} study articles) with their mini-tests`);
    await insertMatrix(session);
    say(`competency matrix: ${sizes.matrixItems} items`);
    for (let from = 1; from <= sizes.students; from += STUDENT_BATCH) {
      const to = Math.min(sizes.students, from + STUDENT_BATCH - 1);
      await insertStudents(session, from, to);
      options.onProgress?.(to, sizes.students);
    }
    say(`students: ${sizes.students} with ${sizes.attempts} finished attempts`);
    await markUsedQuestions(session);
    await restore();
    say('foreign keys checked, indexes built');
    await session.query('COMMIT');
    await session.query('VACUUM (ANALYZE)');
    say('vacuumed and analyzed');
    const rows = await countRows(session);
    return { sizes, rows, elapsedMs: performance.now() - started };
  } catch (error) {
    await session.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await session.close();
  }
}

async function refuseForeignData(session: SeedSession): Promise<void> {
  const { rows } = await session.query(
    `SELECT (SELECT count(*) FROM users WHERE email NOT LIKE $1)::int AS foreign_users,
            (SELECT count(*) FROM users WHERE email LIKE $1)::int AS scale_users,
            (SELECT count(*) FROM tracks)::int AS tracks`,
    [`%@${SCALE_EMAIL_DOMAIN}`],
  );
  const facts = rows[0] as { foreign_users: number; scale_users: number; tracks: number };
  if (facts.foreign_users > 0) {
    throw new ForeignDataError(
      `the database has ${facts.foreign_users} account(s) that are not scale accounts: ` +
        'seed scale only fills a database of its own, never one with real data (create an empty database for it)',
    );
  }
  if (facts.scale_users > 0 || facts.tracks > 0) {
    throw new ForeignDataError(
      'the database is not empty (it already holds scale data or tracks): seed an empty database',
    );
  }
}

/** As the assessment module does: a question put into an attempt is marked used (from then on frozen). */
async function markUsedQuestions(session: SeedSession): Promise<void> {
  await session.query(
    `UPDATE questions q SET used_at = u.first_used
     FROM (SELECT aq.question_id, min(a.started_at) AS first_used
           FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id GROUP BY aq.question_id) AS u
     WHERE q.id = u.question_id`,
  );
}

async function countRows(session: SeedSession): Promise<Record<string, number>> {
  const counts = SCALE_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ');
  const { rows } = await session.query(`SELECT ${counts}`);
  return rows[0] as Record<string, number>;
}
