import type { FieldIssue } from '../../../../shared/domain/errors.ts';
import type { QuestionDraft, QuestionView } from '../../application/contract.ts';
import type { QuestionKind } from '../../domain/formats/parsed-question.ts';
import type { QuestionForm } from '../views/question-form-page.tsx';
import { type FormBody, oneOf } from './support.ts';

export const MIN_ROWS = 2;
export const MAX_ROWS = 10;
const NEW_QUESTION_ROWS = 4;
const KINDS: readonly QuestionKind[] = ['single', 'multiple'];

/** The form of a new question: a few empty option rows. */
export function emptyForm(): QuestionForm {
  return {
    moduleId: '',
    stageId: '',
    kind: 'single',
    name: '',
    text: '',
    explanation: '',
    rows: Array.from({ length: NEW_QUESTION_ROWS }, () => ({ text: '', correct: false })),
  };
}

/** The form of a stored question: one row per option. */
export function formOf(question: QuestionView): QuestionForm {
  return {
    moduleId: question.moduleId,
    stageId: question.stageId ?? '',
    kind: question.kind,
    name: question.name ?? '',
    text: question.text,
    explanation: question.explanation,
    rows: question.options.map((text, index) => ({ text, correct: question.correct.includes(index) })),
  };
}

/** The form as posted: `rows` option rows named `option<i>` with a `correct<i>` checkbox each. */
export function parseForm(body: FormBody): QuestionForm {
  const count = Math.min(MAX_ROWS, Math.max(MIN_ROWS, Number.parseInt(body.rows ?? '', 10) || MIN_ROWS));
  return {
    moduleId: body.moduleId?.trim() ?? '',
    stageId: body.stageId?.trim() ?? '',
    kind: oneOf(KINDS, body.kind) ?? 'single',
    name: body.name ?? '',
    text: body.text ?? '',
    explanation: body.explanation ?? '',
    rows: Array.from({ length: count }, (_, index) => ({
      text: body[`option${index}`] ?? '',
      correct: body[`correct${index}`] !== undefined,
    })),
  };
}

/** One more empty option row, up to the maximum. */
export function withExtraRow(form: QuestionForm): QuestionForm {
  if (form.rows.length >= MAX_ROWS) return form;
  return { ...form, rows: [...form.rows, { text: '', correct: false }] };
}

/**
 * The draft the use case checks. A row with neither text nor a tick is left out; `rowOf` maps an
 * option's index in the draft back to its row, so the use case's `/options/<i>` issues land on
 * the row the editor sees.
 */
export function draftOf(form: QuestionForm, trackId: string): { draft: QuestionDraft; rowOf: number[] } {
  const rowOf = form.rows.flatMap((row, index) => (row.text.trim() || row.correct ? [index] : []));
  const kept = rowOf.map((index) => form.rows[index] ?? { text: '', correct: false });
  return {
    draft: {
      trackId,
      moduleId: form.moduleId,
      stageId: form.stageId || null,
      kind: form.kind,
      name: form.name.trim() || null,
      text: form.text,
      options: kept.map((row) => row.text.trim()),
      correct: kept.flatMap((row, index) => (row.correct ? [index] : [])),
      explanation: form.explanation,
    },
    rowOf,
  };
}

/**
 * Moves the use case's issue about a draft option to the row the editor sees: `/options/<i>`
 * becomes `/options/<row>` and its option number the row's; anything about the correct indexes
 * goes to the options as a whole.
 */
export function issueAtRow(rowOf: readonly number[]) {
  return (issue: FieldIssue): FieldIssue => {
    const option = /^\/options\/(\d+)/.exec(issue.path);
    const row = option ? rowOf[Number(option[1])] : undefined;
    if (row !== undefined) {
      const params = issue.params && 'option' in issue.params ? { ...issue.params, option: row + 1 } : issue.params;
      return { ...issue, path: `/options/${row}`, params };
    }
    return issue.path.startsWith('/correct') ? { ...issue, path: '/correct' } : issue;
  };
}
