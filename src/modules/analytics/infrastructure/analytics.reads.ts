import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { AnalyticsReads } from '../application/contract.ts';

/**
 * The attempts item statistics count (see the contract): finished, non-annulled level exams and
 * rank finals of the track. `attempts_track_kind_idx (track_id, kind, status)` finds them.
 */
const COUNTED_EXAMS = (trackId: string) => sql`
  a.track_id = ${trackId}
  AND a.kind IN ('level_exam', 'rank_final')
  AND a.status IN ('passed', 'failed')
  AND a.score IS NOT NULL`;

/*
 * A school's attempt tables hold every track's exams, so the per-question queries fetch each
 * counted attempt's rows by their primary key (attempt_id, …) in a LATERAL subquery; OFFSET 0
 * keeps PostgreSQL from flattening it into a hash join over the whole table, which its cost
 * model prefers even when the track holds a few percent of the rows. The cost stays
 * proportional to the track.
 */

/** Per question: graded presentations, right ones, blanks and the score sums of point-biserial. */
export const itemSumsQuery = (trackId: string) => sql<{
  questionId: string;
  n: number;
  correct: number;
  blank: number;
  scoreSum: number;
  scoreSquareSum: number;
  scoreSumCorrect: number;
}>`
  SELECT item.question_id,
         count(*)::int AS n,
         count(*) FILTER (WHERE item.correct)::int AS correct,
         count(*) FILTER (WHERE item.selected IS NULL OR cardinality(item.selected) = 0)::int AS blank,
         sum(a.score)::float8 AS score_sum,
         sum(a.score * a.score)::float8 AS score_square_sum,
         coalesce(sum(a.score) FILTER (WHERE item.correct), 0)::float8 AS score_sum_correct
    FROM attempts a
   CROSS JOIN LATERAL (
         SELECT aq.question_id, aq.correct, ans.selected
           FROM attempt_questions aq
           LEFT JOIN attempt_answers ans ON ans.attempt_id = aq.attempt_id AND ans.question_id = aq.question_id
          WHERE aq.attempt_id = a.id AND aq.correct IS NOT NULL
         OFFSET 0
       ) item
   WHERE ${COUNTED_EXAMS(trackId)}
   GROUP BY item.question_id`;

/** Per question and option index: how many counted attempts selected it. */
export const optionCountsQuery = (trackId: string) => sql<{ questionId: string; option: number; count: number }>`
  SELECT answer.question_id, picked.option, count(*)::int AS count
    FROM attempts a
   CROSS JOIN LATERAL (
         SELECT ans.question_id, ans.selected FROM attempt_answers ans WHERE ans.attempt_id = a.id OFFSET 0
       ) answer
   CROSS JOIN LATERAL (SELECT DISTINCT unnest(answer.selected) AS option) picked
   WHERE ${COUNTED_EXAMS(trackId)}
   GROUP BY answer.question_id, picked.option`;

export function createAnalyticsReads(db: Db): Omit<AnalyticsReads, 'track'> {
  return {
    async enrollmentCounts(trackId) {
      const rows = await db
        .selectFrom('enrollments')
        .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
        .where('trackId', '=', trackId)
        .groupBy('status')
        .execute();
      return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
    },

    async stageStudents(trackId) {
      const rows = await db
        .selectFrom('stageProgress')
        .select(['stageId', 'status', (eb) => eb.fn.countAll<string>().as('count')])
        .where('trackId', '=', trackId)
        .groupBy(['stageId', 'status'])
        .execute();
      return rows.map((row) => ({ stageId: row.stageId, status: row.status, count: Number(row.count) }));
    },

    async examOutcomes(trackId) {
      // Attempts to pass: a student's counted attempts finished up to and including the pass.
      const { rows } = await sql<{
        kind: 'level_exam' | 'rank_final';
        stageId: string | null;
        finished: number;
        passed: number;
        studentsPassed: number;
        attemptsToPass: number;
      }>`
        WITH counted AS (
          SELECT a.user_id, a.kind, a.stage_id, a.status, a.finished_at
            FROM attempts a
           WHERE ${COUNTED_EXAMS(trackId)}
        ), passes AS (
          SELECT user_id, kind, stage_id, min(finished_at) AS passed_at
            FROM counted WHERE status = 'passed'
           GROUP BY user_id, kind, stage_id
        )
        SELECT c.kind, c.stage_id,
               count(*)::int AS finished,
               count(*) FILTER (WHERE c.status = 'passed')::int AS passed,
               count(DISTINCT c.user_id) FILTER (WHERE c.status = 'passed')::int AS students_passed,
               count(*) FILTER (WHERE c.finished_at <= p.passed_at)::int AS attempts_to_pass
          FROM counted c
          LEFT JOIN passes p
            ON p.user_id = c.user_id AND p.kind = c.kind AND p.stage_id IS NOT DISTINCT FROM c.stage_id
         GROUP BY c.kind, c.stage_id`.execute(db);
      return rows;
    },

    async approvalLatency(trackId, now) {
      const { rows } = await sql<{
        decided: number;
        medianWaitSeconds: number | null;
        meanWaitSeconds: number | null;
        pending: number;
        oldestPendingAt: Date | null;
      }>`
        WITH requests AS (
          SELECT status, automatic, requested_at,
                 extract(epoch FROM decided_at - requested_at)::float8 AS wait_seconds
            FROM approval_requests
           WHERE track_id = ${trackId}
        )
        SELECT (SELECT count(*)::int FROM requests WHERE status <> 'pending' AND NOT automatic AND wait_seconds IS NOT NULL)
                 AS decided,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds)
                  FROM requests WHERE status <> 'pending' AND NOT automatic AND wait_seconds IS NOT NULL)
                 AS median_wait_seconds,
               (SELECT avg(wait_seconds)::float8 FROM requests WHERE status <> 'pending' AND NOT automatic AND wait_seconds IS NOT NULL)
                 AS mean_wait_seconds,
               (SELECT count(*)::int FROM requests WHERE status = 'pending') AS pending,
               (SELECT min(requested_at) FROM requests WHERE status = 'pending') AS oldest_pending_at`.execute(db);
      const row = rows[0];
      if (!row) throw new Error('an aggregate query returned no row');
      return {
        decided: row.decided,
        medianWaitSeconds: row.medianWaitSeconds,
        meanWaitSeconds: row.meanWaitSeconds,
        pending: row.pending,
        oldestPendingSeconds:
          row.oldestPendingAt === null
            ? null
            : Math.max(0, Math.round((now.getTime() - new Date(row.oldestPendingAt).getTime()) / 1000)),
      };
    },

    async questions(trackId) {
      const rows = await db
        .selectFrom('questions')
        .select([
          'id',
          'text',
          'kind',
          'status',
          'moduleId',
          'stageId',
          sql<number>`cardinality(options)`.as('optionCount'),
        ])
        .where('trackId', '=', trackId)
        .where('articleId', 'is', null)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows;
    },

    async itemSums(trackId) {
      const { rows } = await itemSumsQuery(trackId).execute(db);
      return new Map(
        rows.map((row) => [
          row.questionId,
          {
            n: row.n,
            correct: row.correct,
            blank: row.blank,
            scoreSum: row.scoreSum,
            scoreSquareSum: row.scoreSquareSum,
            scoreSumCorrect: row.scoreSumCorrect,
          },
        ]),
      );
    },

    async optionCounts(trackId) {
      const { rows } = await optionCountsQuery(trackId).execute(db);
      const counts = new Map<string, Map<number, number>>();
      for (const row of rows) {
        const perOption = counts.get(row.questionId) ?? new Map<number, number>();
        perOption.set(row.option, row.count);
        counts.set(row.questionId, perOption);
      }
      return counts;
    },
  };
}
