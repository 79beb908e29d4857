import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { isUuid } from '../../../shared/domain/ids.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import type { AttemptTable } from '../../../shared/infrastructure/db/schema-learning.ts';
import type { AttemptScope } from '../application/contract.ts';
import type { AttemptRecord, AttemptStore } from '../application/ports.ts';

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

    async scopeHistory(userId, scope) {
      const rows = await executor
        .selectFrom('attempts')
        .select([
          'attempts.id',
          'attempts.number',
          'attempts.status',
          'attempts.deadlineAt',
          'attempts.finishedAt',
          sql<string[]>`array(SELECT question_id FROM attempt_questions WHERE attempt_id = attempts.id)`.as(
            'questionIds',
          ),
        ])
        .where(inScope(userId, scope))
        .orderBy('attempts.number', 'desc')
        .execute();
      return rows;
    },

    async insert(attempt) {
      // One statement: a concurrent start that won a unique index of the scope (or the number)
      // leaves nothing inserted, and the caller's transaction stays usable.
      const questions = attempt.questions;
      const result = await sql<{ id: string }>`
        WITH attempt AS (
          INSERT INTO attempts (id, user_id, track_id, kind, stage_id, article_id, settings_version, number,
                                seed, started_at, deadline_at, question_count, pass_percent)
          VALUES (${attempt.id}, ${attempt.userId}, ${attempt.trackId}, ${attempt.kind}, ${attempt.stageId},
                  ${attempt.articleId}, ${attempt.settingsVersion}, ${attempt.number}, ${attempt.seed},
                  ${attempt.startedAt}, ${attempt.deadlineAt}, ${questions.length}, ${attempt.passPercent})
          ON CONFLICT DO NOTHING
          RETURNING id
        ), asked AS (
          INSERT INTO attempt_questions (attempt_id, question_id, position, module_id)
          SELECT attempt.id, q.question_id, q.position, q.module_id
          FROM attempt,
               unnest(${questions.map((q) => q.questionId)}::uuid[], ${questions.map((q) => q.position)}::int[],
                      ${questions.map((q) => q.moduleId)}::uuid[]) AS q(question_id, position, module_id)
        )
        SELECT id FROM attempt`.execute(executor);
      return result.rows.length === 1 ? 'inserted' : 'scope_taken';
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
