import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { NewQuestion, QuestionContent, QuestionRepository } from '../application/ports.ts';
import { InvalidQuestionError, QuestionUsedError } from '../domain/errors.ts';
import { QUESTION_COLUMNS } from './question-columns.ts';

/** A race the use case could not see (a module deleted meanwhile, a first use) as the bank's own errors. */
const CONSTRAINT_ERRORS = {
  questions_track_fkey: () => new InvalidQuestionError([{ path: '/trackId', code: 'unknown_track' }]),
  questions_module_fkey: () => new InvalidQuestionError([{ path: '/moduleId', code: 'module_not_in_track' }]),
  questions_stage_fkey: () => new InvalidQuestionError([{ path: '/stageId', code: 'stage_not_in_track' }]),
  questions_used_is_frozen: () => new QuestionUsedError(),
  questions_used_is_kept: () => new QuestionUsedError(),
};

function rowOf(question: NewQuestion) {
  return {
    id: question.id,
    trackId: question.trackId,
    moduleId: question.moduleId,
    stageId: question.stageId,
    kind: question.kind,
    name: question.name,
    text: question.text,
    options: [...question.options],
    correct: [...question.correct],
    explanation: question.explanation,
    status: 'active' as const,
    retiredAt: null,
    usedAt: null,
    replacesId: question.replacesId,
    createdBy: question.createdBy,
    createdAt: question.now,
    updatedAt: question.now,
  };
}

export function createQuestionRepository(tx: Tx) {
  return {
    lockById: (id) =>
      tx
        .selectFrom('questions')
        .select(QUESTION_COLUMNS)
        .where('id', '=', id)
        .where('articleId', 'is', null)
        .forUpdate()
        .executeTakeFirst(),

    insert: (question) =>
      translateConstraintErrors(
        () => tx.insertInto('questions').values(rowOf(question)).returning(QUESTION_COLUMNS).executeTakeFirstOrThrow(),
        CONSTRAINT_ERRORS,
      ),

    async insertMany(questions) {
      if (questions.length === 0) return;
      await translateConstraintErrors(
        () => tx.insertInto('questions').values(questions.map(rowOf)).execute(),
        CONSTRAINT_ERRORS,
      );
    },

    changeContent: (id: string, content: QuestionContent, now: Date) =>
      translateConstraintErrors(
        () =>
          tx
            .updateTable('questions')
            .set({
              moduleId: content.moduleId,
              stageId: content.stageId,
              kind: content.kind,
              name: content.name,
              text: content.text,
              options: [...content.options],
              correct: [...content.correct],
              explanation: content.explanation,
              updatedAt: now,
            })
            .where('id', '=', id)
            .returning(QUESTION_COLUMNS)
            .executeTakeFirstOrThrow(),
        CONSTRAINT_ERRORS,
      ),

    retire: (id, now) =>
      tx
        .updateTable('questions')
        .set({ status: 'retired', retiredAt: now, updatedAt: now })
        .where('id', '=', id)
        .returning(QUESTION_COLUMNS)
        .executeTakeFirstOrThrow(),

    async delete(id) {
      await translateConstraintErrors(
        () => tx.deleteFrom('questions').where('id', '=', id).execute(),
        CONSTRAINT_ERRORS,
      );
    },

    async markUsed(ids, now) {
      if (ids.length === 0) return;
      await tx
        .updateTable('questions')
        .set({ usedAt: now })
        .where('id', 'in', [...ids])
        .where('usedAt', 'is', null)
        .execute();
    },
  } satisfies QuestionRepository;
}
