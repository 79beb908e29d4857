import { type Kysely, sql } from 'kysely';

/**
 * Indexes the query-plan check (`npm run check:plans`, docs/query-plans.md) found missing on
 * the scaled database:
 * - the staff enrollment list pages newest first: without an index on that order it sorted every
 *   enrollment (and joined every user) for each page of 20;
 * - the question bank lists a track's own questions (not mini-test ones) newest first and counts
 *   them: the old track index could not tell mini-test questions apart, so the count read every
 *   question row; this partial index answers both from the index alone;
 * - the blog's tag cloud counts the tags of every listed article: with the tags in an index it
 *   reads that index instead of every article row (bodies and all);
 * - a track's analytics aggregate its level exams and rank finals and its approval waits: with
 *   the columns they read in covering indexes, they read those indexes instead of one heap page
 *   per attempt or request (EXPLAIN at 20k students: 5,063 → 288 and 899 → 115 buffers);
 * - a blog search tests (and ranks by) every candidate's `search` vector, which PostgreSQL had
 *   moved out of line into TOAST (it is the row's largest value): each candidate cost extra
 *   TOAST page reads. Kept in the row (STORAGE MAIN; body and html go out of line first), a
 *   search reads ~5x fewer buffers. The rewrite moves the existing rows (updating `body` to itself
 *   recomputes the generated vector; nothing else changes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX enrollments_enrolled_at_idx ON enrollments (enrolled_at DESC, id)`.execute(db);
  await sql`
    CREATE INDEX questions_bank_idx ON questions (track_id, created_at DESC, id DESC) WHERE article_id IS NULL
  `.execute(db);
  await sql`CREATE INDEX articles_listed_tags_idx ON articles (status, visibility) INCLUDE (tags)`.execute(db);
  await sql`
    CREATE INDEX attempts_track_outcomes_idx ON attempts (track_id, kind, status)
      INCLUDE (user_id, stage_id, finished_at, score) WHERE kind IN ('level_exam', 'rank_final')
  `.execute(db);
  await sql`
    CREATE INDEX approval_requests_track_waits_idx ON approval_requests (track_id)
      INCLUDE (status, automatic, requested_at, decided_at)
  `.execute(db);
  await sql`ALTER TABLE articles ALTER COLUMN search SET STORAGE MAIN`.execute(db);
  await sql`UPDATE articles SET body = body`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE articles ALTER COLUMN search SET STORAGE EXTENDED`.execute(db);
  await sql`UPDATE articles SET body = body`.execute(db);
  await sql`DROP INDEX IF EXISTS approval_requests_track_waits_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS attempts_track_outcomes_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS articles_listed_tags_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS questions_bank_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS enrollments_enrolled_at_idx`.execute(db);
}
