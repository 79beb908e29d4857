import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { isUuid } from '../../../shared/domain/ids.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { violatedConstraint } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import type { AttemptTable } from '../../../shared/infrastructure/db/schema-learning.ts';
import type { AttemptScope } from '../application/contract.ts';
import type { AttemptRecord, AttemptStore } from '../application/ports.ts';

/** Unique indexes a concurrent start of the same scope can win. */
const SCOPE_KEYS = new Set([
  'attempts_one_diagnostic_key',
  'attempts_level_exam_one_open_key',
  'attempts_rank_final_one_open_key',
  'attempts_minitest_one_open_key',
  'attempts_scope_number_key',
]);

function inScope(userId: string, scope: AttemptScope) {
  return (eb: ExpressionBuilder<Database, 'attempts'>) =>
    eb.and([
      eb('attempts.userId', '=', userId),
      eb('attempts.trackId', '=', scope.trackId),
      eb('attempts.kind', '=', scope.kind),
      ...(scope.kind === 'level_exam' ? [eb('attempts.stageId', '=', scope.stageId)] : []),
      ...(scope.kind === 'minitest' ? [eb('attempts.articleId', '=', scope.articleId)] : []),
    ]);
}

function recordOf(row: Selectable<AttemptTable>): AttemptRecord {
  return {
    id: row.id,
    userId: row.userId,
    trackId: row.trackId,
    kind: row.kind,
    stageId: row.stageId,
    articleId: row.articleId,
    settingsVersion: row.settingsVersion,
    number: row.number,
    status: row.status,
    seed: Number(row.seed),
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    finishedAt: row.finishedAt,
    correctCount: row.correctCount,
    questionCount: row.questionCount,
    score: row.score === null ? null : Number(row.score),
    passPercent: row.passPercent,
    annulledAt: row.annulledAt,
    annulledBy: row.annulledBy,
    annulReason: row.annulReason,
  };
}

/** Attempts, their questions and answers; `executor` is the pool or a transaction (writes need one). */
export function createAttemptStore(executor: Db): AttemptStore {
  const attempts = () => executor.selectFrom('attempts').selectAll('attempts');
  return {
    async lockEnrollment(userId, trackId) {
      // NO KEY UPDATE: starts of the same student and track queue up, foreign-key checks do not.
      const row = await executor
        .selectFrom('enrollments')
        .select('id')
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .forNoKeyUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },

    async openInScope(userId, scope) {
      const row = await attempts()
        .where(inScope(userId, scope))
        .where('status', '=', 'in_progress')
        .orderBy('number', 'desc')
        .executeTakeFirst();
      return row && recordOf(row);
    },

    async anyInScope(userId, scope) {
      const row = await executor.selectFrom('attempts').select('id').where(inScope(userId, scope)).executeTakeFirst();
      return row !== undefined;
    },

    async passedInScope(userId, scope) {
      const row = await executor
        .selectFrom('attempts')
        .select('id')
        .where(inScope(userId, scope))
        .where('status', '=', 'passed')
        .executeTakeFirst();
      return row !== undefined;
    },

    async lastFailedAt(userId, scope) {
      const row = await executor
        .selectFrom('attempts')
        .select('finishedAt')
        .where(inScope(userId, scope))
        .where('status', '=', 'failed')
        .orderBy('finishedAt', 'desc')
        .executeTakeFirst();
      return row?.finishedAt ?? null;
    },

    async seenQuestionIds(userId, scope) {
      const rows = await executor
        .selectFrom('attemptQuestions')
        .innerJoin('attempts', 'attempts.id', 'attemptQuestions.attemptId')
        .select('attemptQuestions.questionId')
        .distinct()
        .where(inScope(userId, scope))
        .execute();
      return new Set(rows.map((row) => row.questionId));
    },

    async nextNumber(userId, scope) {
      const row = await executor
        .selectFrom('attempts')
        .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('next'))
        .where(inScope(userId, scope))
        .executeTakeFirstOrThrow();
      return Number(row.next);
    },

    async insert(attempt) {
      // A savepoint keeps the caller's transaction usable when a concurrent start won the scope.
      await sql`SAVEPOINT attempt_start`.execute(executor);
      try {
        await executor
          .insertInto('attempts')
          .values({
            id: attempt.id,
            userId: attempt.userId,
            trackId: attempt.trackId,
            kind: attempt.kind,
            stageId: attempt.stageId,
            articleId: attempt.articleId,
            settingsVersion: attempt.settingsVersion,
            number: attempt.number,
            seed: attempt.seed,
            startedAt: attempt.startedAt,
            deadlineAt: attempt.deadlineAt,
            questionCount: attempt.questions.length,
            passPercent: attempt.passPercent,
          })
          .execute();
        await executor
          .insertInto('attemptQuestions')
          .values(
            attempt.questions.map((question) => ({
              attemptId: attempt.id,
              questionId: question.questionId,
              position: question.position,
              moduleId: question.moduleId,
            })),
          )
          .execute();
      } catch (error) {
        const constraint = violatedConstraint(error);
        if (constraint === undefined || !SCOPE_KEYS.has(constraint)) throw error;
        await sql`ROLLBACK TO SAVEPOINT attempt_start`.execute(executor);
        return 'scope_taken';
      }
      await sql`RELEASE SAVEPOINT attempt_start`.execute(executor);
      return 'inserted';
    },

    async inScope(userId, scope) {
      const rows = await attempts().where(inScope(userId, scope)).orderBy('number', 'desc').execute();
      return rows.map(recordOf);
    },

    async find(id) {
      if (!isUuid(id)) return undefined;
      const row = await attempts().where('id', '=', id).executeTakeFirst();
      return row && recordOf(row);
    },

    async lock(id, mode) {
      if (!isUuid(id)) return undefined;
      const query = attempts().where('id', '=', id);
      const row = await (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
      return row && recordOf(row);
    },

    async lockExpired(id, now) {
      const row = await attempts()
        .where('id', '=', id)
        .where('status', '=', 'in_progress')
        .where('deadlineAt', '<=', now)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row && recordOf(row);
    },

    async expiredIds(now, limit) {
      // Matches the partial index attempts_open_deadline_idx.
      const rows = await executor
        .selectFrom('attempts')
        .select('id')
        .where('status', '=', 'in_progress')
        .where('deadlineAt', 'is not', null)
        .where('deadlineAt', '<=', now)
        .orderBy('deadlineAt')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async items(attemptId) {
      const rows = await itemsQuery(executor, attemptId).orderBy('attemptQuestions.position').execute();
      return rows.map(itemOf);
    },

    async item(attemptId, questionId) {
      if (!isUuid(questionId)) return undefined;
      const row = await itemsQuery(executor, attemptId)
        .where('attemptQuestions.questionId', '=', questionId)
        .executeTakeFirst();
      return row && itemOf(row);
    },

    async saveAnswer(attemptId, questionId, selected, now) {
      await executor
        .insertInto('attemptAnswers')
        .values({ attemptId, questionId, selected: [...selected], answeredAt: now })
        .onConflict((conflict) =>
          conflict.columns(['attemptId', 'questionId']).doUpdateSet({ selected: [...selected], answeredAt: now }),
        )
        .execute();
    },

    async clearAnswer(attemptId, questionId) {
      await executor
        .deleteFrom('attemptAnswers')
        .where('attemptId', '=', attemptId)
        .where('questionId', '=', questionId)
        .execute();
    },

    async recordGrading(attemptId, grading) {
      for (const correct of [true, false]) {
        const ids = grading.grades.filter((grade) => grade.correct === correct).map((grade) => grade.questionId);
        if (ids.length === 0) continue;
        await executor
          .updateTable('attemptQuestions')
          .set({ correct })
          .where('attemptId', '=', attemptId)
          .where('questionId', 'in', ids)
          .execute();
      }
      await executor
        .updateTable('attempts')
        .set({
          status: grading.status,
          correctCount: grading.correctCount,
          score: grading.score,
          finishedAt: grading.finishedAt,
        })
        .where('id', '=', attemptId)
        .where('status', '=', 'in_progress')
        .execute();
    },

    async annul(attemptId, annulment) {
      await executor
        .updateTable('attempts')
        .set({
          status: 'annulled',
          annulledAt: annulment.at,
          annulledBy: annulment.by,
          annulReason: annulment.reason,
        })
        .where('id', '=', attemptId)
        .execute();
    },

    async moduleResults(attemptId) {
      const rows = await executor
        .selectFrom('attemptQuestions')
        .innerJoin('modules', 'modules.id', 'attemptQuestions.moduleId')
        .select([
          'attemptQuestions.moduleId',
          sql<number>`count(*) filter (where ${sql.ref('attemptQuestions.correct')})::int`.as('correct'),
          sql<number>`count(*)::int`.as('total'),
        ])
        .where('attemptQuestions.attemptId', '=', attemptId)
        .groupBy(['attemptQuestions.moduleId', 'modules.position'])
        .orderBy('modules.position')
        .execute();
      return rows.map((row) => ({ moduleId: row.moduleId, correct: Number(row.correct), total: Number(row.total) }));
    },
  };
}

function itemsQuery(executor: Db, attemptId: string) {
  return executor
    .selectFrom('attemptQuestions')
    .innerJoin('questions', 'questions.id', 'attemptQuestions.questionId')
    .leftJoin('attemptAnswers', (join) =>
      join
        .onRef('attemptAnswers.attemptId', '=', 'attemptQuestions.attemptId')
        .onRef('attemptAnswers.questionId', '=', 'attemptQuestions.questionId'),
    )
    .select([
      'attemptQuestions.questionId',
      'attemptQuestions.position',
      'attemptQuestions.moduleId',
      'attemptQuestions.correct as graded',
      'questions.kind',
      'questions.text',
      'questions.options',
      'questions.correct as correctOptions',
      'questions.explanation',
      'attemptAnswers.selected',
    ])
    .where('attemptQuestions.attemptId', '=', attemptId);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemsQuery>['executeTakeFirstOrThrow']>>;

function itemOf(row: ItemRow) {
  return {
    questionId: row.questionId,
    position: row.position,
    moduleId: row.moduleId,
    kind: row.kind,
    text: row.text,
    options: row.options,
    correctOptions: row.correctOptions,
    explanation: row.explanation,
    graded: row.graded,
    selected: row.selected === null ? null : row.selected.map(Number),
  };
}
