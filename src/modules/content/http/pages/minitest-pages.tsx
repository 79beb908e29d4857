import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldIssue } from '../../../../shared/domain/errors.ts';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import type { ArticleView, MinitestQuestion, MinitestQuestionDraft } from '../../application/contract.ts';
import {
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MIN_OPTIONS,
  type MinitestErrors,
  MinitestPage,
  type MinitestQuestionForm,
} from '../views/minitest-page.tsx';
import type { ContentPagesDeps } from './deps.ts';
import {
  type FormBody,
  type FormFailure,
  formFailure,
  formSchema,
  ID_PARAMS,
  requireStaff,
  staffActor,
} from './support.ts';

const NEW_QUESTION_ROWS = 4;
const QUESTION_FIELDS = Array.from({ length: MAX_QUESTIONS }, (_, i) => [
  `q${i}_kind`,
  `q${i}_text`,
  `q${i}_explanation`,
  `q${i}_rows`,
  ...Array.from({ length: MAX_OPTIONS }, (_, j) => [`q${i}_option${j}`, `q${i}_correct${j}`]).flat(),
]).flat();
const MINITEST_BODY = formSchema('count', 'action', ...QUESTION_FIELDS);

function clamp(value: string | undefined, min: number, max: number, fallback: number): number {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(number) ? Math.min(max, Math.max(min, number)) : fallback;
}

export function emptyQuestion(): MinitestQuestionForm {
  return {
    kind: 'single',
    text: '',
    explanation: '',
    rows: Array.from({ length: NEW_QUESTION_ROWS }, () => ({ text: '', correct: false })),
  };
}

export function formsOf(questions: readonly MinitestQuestion[]): MinitestQuestionForm[] {
  return questions.map((question) => ({
    kind: question.kind,
    text: question.text,
    explanation: question.explanation,
    rows: question.options.map((text, index) => ({ text, correct: question.correct.includes(index) })),
  }));
}

/** The questions as posted: `count` questions, each with `q<i>_rows` option rows. */
export function parseMinitest(body: FormBody): MinitestQuestionForm[] {
  const count = clamp(body.count, 0, MAX_QUESTIONS, 0);
  return Array.from({ length: count }, (_, i) => {
    const rows = clamp(body[`q${i}_rows`], MIN_OPTIONS, MAX_OPTIONS, MIN_OPTIONS);
    return {
      kind: body[`q${i}_kind`] === 'multiple' ? 'multiple' : 'single',
      text: body[`q${i}_text`] ?? '',
      explanation: body[`q${i}_explanation`] ?? '',
      rows: Array.from({ length: rows }, (_, j) => ({
        text: body[`q${i}_option${j}`] ?? '',
        correct: body[`q${i}_correct${j}`] !== undefined,
      })),
    };
  });
}

/** What an "add" or "remove" button does to the form; undefined for Save (or anything unknown). */
export function applyEdit(
  questions: readonly MinitestQuestionForm[],
  action: string | undefined,
): MinitestQuestionForm[] | undefined {
  const list = [...questions];
  if (action === 'addQuestion') return list.length < MAX_QUESTIONS ? [...list, emptyQuestion()] : list;
  const remove = /^removeQuestion-(\d+)$/.exec(action ?? '');
  if (remove) return list.filter((_, index) => index !== Number(remove[1]));
  const add = /^addOption-(\d+)$/.exec(action ?? '');
  if (add) {
    return list.map((question, index) =>
      index === Number(add[1]) && question.rows.length < MAX_OPTIONS
        ? { ...question, rows: [...question.rows, { text: '', correct: false }] }
        : question,
    );
  }
  const removeOption = /^removeOption-(\d+)-(\d+)$/.exec(action ?? '');
  if (removeOption) {
    return list.map((question, index) =>
      index === Number(removeOption[1]) && question.rows.length > MIN_OPTIONS
        ? { ...question, rows: question.rows.filter((_, row) => row !== Number(removeOption[2])) }
        : question,
    );
  }
  return undefined;
}

/**
 * The drafts the use case checks. An option row with neither text nor a tick is left out;
 * `rowOf[i][k]` is the row of question i's k-th draft option, so issues land on the rows shown.
 */
export function draftsOf(questions: readonly MinitestQuestionForm[]): {
  drafts: MinitestQuestionDraft[];
  rowOf: number[][];
} {
  const rowOf = questions.map((question) =>
    question.rows.flatMap((row, index) => (row.text.trim() || row.correct ? [index] : [])),
  );
  const drafts = questions.map((question, i) => {
    const kept = (rowOf[i] ?? []).map((row) => question.rows[row] ?? { text: '', correct: false });
    return {
      kind: question.kind,
      text: question.text,
      options: kept.map((row) => row.text.trim()),
      correct: kept.flatMap((row, index) => (row.correct ? [index] : [])),
      explanation: question.explanation,
    };
  });
  return { drafts, rowOf };
}

/** Moves an issue about a draft option to its row; anything about the correct indexes to the options. */
export function issueAtRow(rowOf: readonly (readonly number[])[]) {
  return (issue: FieldIssue): FieldIssue => {
    const option = /^\/questions\/(\d+)\/options\/(\d+)/.exec(issue.path);
    if (option) {
      const row = rowOf[Number(option[1])]?.[Number(option[2])];
      if (row !== undefined) return { ...issue, path: `/questions/${option[1]}/options/${row}` };
    }
    const correct = /^\/questions\/(\d+)\/correct/.exec(issue.path);
    if (correct) return { ...issue, path: `/questions/${correct[1]}/correct` };
    return issue;
  };
}

/** The article's mini-test editor. */
export async function minitestPages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireStaff] };

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    article: ArticleView,
    questions: readonly MinitestQuestionForm[],
    failure?: FormFailure,
  ) => {
    const errors: MinitestErrors = failure?.fields ?? {};
    const message =
      failure && Object.keys(errors).length > 0 ? request.t('articlesAdmin.form.fixErrors') : failure?.message;
    const view = (
      <MinitestPage
        ctx={renderer.context(request, reply)}
        article={article}
        questions={questions}
        errors={errors}
        message={message}
      />
    );
    return renderer.page(reply, view, failure?.status ?? 200);
  };

  app.get('/admin/articles/:id/minitest', { ...staffOnly, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const actor = staffActor(request);
    const { id } = request.params as { id: string };
    const article = await useCases.getForStaff({ actor, id });
    const questions = await useCases.minitest({ actor, id });
    return page(request, reply, article, formsOf(questions));
  });

  app.post(
    '/admin/articles/:id/minitest',
    { ...staffOnly, schema: { params: ID_PARAMS, body: MINITEST_BODY } },
    async (request, reply) => {
      const actor = staffActor(request);
      const { id } = request.params as { id: string };
      const article = await useCases.getForStaff({ actor, id });
      const body = request.body as FormBody;
      const questions = parseMinitest(body);
      const edited = applyEdit(questions, body.action);
      if (edited) return page(request, reply, article, edited);
      const { drafts, rowOf } = draftsOf(questions);
      try {
        await useCases.replaceMinitest({
          actor,
          origin: originOf(request),
          now: clock.now(),
          id: article.id,
          questions: drafts,
        });
      } catch (caught) {
        return page(request, reply, article, questions, formFailure(caught, request, reply, issueAtRow(rowOf)));
      }
      flash.set(reply, { kind: 'success', message: 'articlesAdmin.flash.minitestSaved' });
      return reply.redirect(`/admin/articles/${article.id}/minitest`, 303);
    },
  );
}
