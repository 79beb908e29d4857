import { Type } from 'typebox';
import type { AttemptReport, AttemptResult, AttemptView } from '../application/contract.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Kind = Type.Union([
  Type.Literal('diagnostic'),
  Type.Literal('minitest'),
  Type.Literal('level_exam'),
  Type.Literal('rank_final'),
]);
const Status = Type.Union([
  Type.Literal('in_progress'),
  Type.Literal('passed'),
  Type.Literal('failed'),
  Type.Literal('annulled'),
]);
const FinishedStatus = Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('annulled')]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const AnswerParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  questionId: Type.String({ minLength: 1, maxLength: 100 }),
});

/** Bounds only stop absurd input; the use case checks the indexes against the question (422). */
export const AnswerBody = Type.Object(
  {
    selected: Type.Array(Type.Integer({ minimum: -1000, maximum: 1000 }), {
      maxItems: 20,
      description: 'Indexes of the chosen options (0-based); an empty list clears the answer',
    }),
  },
  { additionalProperties: false },
);

export const AnnulBody = Type.Object(
  { reason: Type.String({ maxLength: 10_000, description: 'Why (1 to 2000 characters, required)' }) },
  { additionalProperties: false },
);

const ModuleResult = Type.Object({
  moduleId: Uuid,
  moduleTitle: Type.String(),
  correct: Type.Integer(),
  total: Type.Integer(),
});

export const ResultSchema = Type.Object(
  {
    attemptId: Uuid,
    kind: Kind,
    status: FinishedStatus,
    passed: Type.Boolean(),
    score: Type.Number({ description: 'Percent, 0..100' }),
    correct: Type.Integer(),
    total: Type.Integer(),
    passPercent: Nullable(Type.Integer()),
    perModule: Type.Array(ModuleResult),
    finishedAt: DateTime,
  },
  { description: 'The stored result: the same for every caller' },
);

const Question = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  moduleId: Uuid,
  kind: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
  text: Type.String({ description: 'Markdown as written' }),
  html: Type.String({ description: 'The text rendered to safe HTML' }),
  options: Type.Array(Type.String()),
  optionsHtml: Type.Array(Type.String()),
  selected: Nullable(Type.Array(Type.Integer())),
  correct: Type.Optional(Type.Boolean({ description: 'After the end only' })),
  correctOptions: Type.Optional(
    Type.Array(Type.Integer(), {
      description: 'After the end only, and only for diagnostics, mini-tests and exams whose settings reveal answers',
    }),
  ),
  explanation: Type.Optional(Type.String()),
  explanationHtml: Type.Optional(Type.String()),
});

export const AttemptSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  status: Status,
  number: Type.Integer(),
  track: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  stage: Nullable(Type.Object({ id: Uuid, position: Type.Integer(), title: Type.String() })),
  articleId: Nullable(Uuid),
  startedAt: DateTime,
  deadlineAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
  questions: Type.Array(Question),
  score: Type.Optional(Type.Number()),
  passed: Type.Optional(Type.Boolean()),
  result: Nullable(ResultSchema),
  annulReason: Nullable(
    Type.String({ description: 'Why the attempt was annulled (by an admin or a rejected approval)' }),
  ),
});

export const ReportSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  number: Type.Integer(),
  status: Status,
  stageId: Nullable(Uuid),
  articleId: Nullable(Uuid),
  settingsVersion: Type.Integer(),
  startedAt: DateTime,
  deadlineAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
  score: Nullable(Type.Number()),
  correct: Nullable(Type.Integer()),
  total: Type.Integer(),
  passPercent: Nullable(Type.Integer()),
  perModule: Type.Array(Type.Object({ moduleId: Uuid, correct: Type.Integer(), total: Type.Integer() })),
  annulReason: Nullable(Type.String()),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function resultJson(result: AttemptResult) {
  return {
    ...result,
    perModule: result.perModule.map((module) => ({ ...module })),
    finishedAt: result.finishedAt.toISOString(),
  };
}

export function attemptJson(view: AttemptView) {
  return {
    id: view.id,
    kind: view.kind,
    status: view.status,
    number: view.number,
    track: view.track,
    stage: view.stage,
    articleId: view.articleId,
    startedAt: view.startedAt.toISOString(),
    deadlineAt: iso(view.deadlineAt),
    finishedAt: iso(view.finishedAt),
    questions: view.questions.map((question) => ({
      ...question,
      options: [...question.options],
      optionsHtml: [...question.optionsHtml],
      selected: question.selected ? [...question.selected] : null,
      ...(question.correctOptions ? { correctOptions: [...question.correctOptions] } : {}),
    })),
    ...(view.result ? { score: view.result.score, passed: view.result.passed } : {}),
    result: view.result ? resultJson(view.result) : null,
    annulReason: view.annulReason,
  };
}

export function reportJson(report: AttemptReport) {
  return {
    ...report,
    startedAt: report.startedAt.toISOString(),
    deadlineAt: iso(report.deadlineAt),
    finishedAt: iso(report.finishedAt),
    perModule: report.perModule.map((module) => ({ ...module })),
  };
}
