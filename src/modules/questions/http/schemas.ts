import { Type } from 'typebox';
import type { ImportReport, QuestionView } from '../application/contract.ts';
import { QUESTION_LIMITS } from '../domain/question.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Kind = Type.Union([Type.Literal('single'), Type.Literal('multiple')]);
export const Status = Type.Union([Type.Literal('active'), Type.Literal('retired')]);

/** Lengths and counts are the bank's rules (a 422 naming every failing field); these bounds only stop absurd input. */
const content = {
  moduleId: Uuid,
  stageId: Nullable(Uuid),
  kind: Kind,
  name: Nullable(Type.String({ maxLength: QUESTION_LIMITS.nameMax * 10 })),
  text: Type.String({ maxLength: QUESTION_LIMITS.textMax * 2 }),
  options: Type.Array(Type.String({ maxLength: QUESTION_LIMITS.optionMax * 2 }), { maxItems: 50 }),
  correct: Type.Array(Type.Integer({ minimum: 0, maximum: 1000 }), { maxItems: 50 }),
  explanation: Type.String({ maxLength: QUESTION_LIMITS.explanationMax * 2 }),
};

export const CreateBody = Type.Object({
  trackId: Uuid,
  ...content,
  stageId: Type.Optional(content.stageId),
  name: Type.Optional(content.name),
  explanation: Type.Optional(content.explanation),
});

export const PatchBody = Type.Object({
  moduleId: Type.Optional(content.moduleId),
  stageId: Type.Optional(content.stageId),
  kind: Type.Optional(content.kind),
  name: Type.Optional(content.name),
  text: Type.Optional(content.text),
  options: Type.Optional(content.options),
  correct: Type.Optional(content.correct),
  explanation: Type.Optional(content.explanation),
});

export const ListQuery = Type.Object({
  trackId: Type.Optional(Uuid),
  moduleId: Type.Optional(Uuid),
  stageId: Type.Optional(Uuid),
  status: Type.Optional(Status),
  kind: Type.Optional(Kind),
  // PostgreSQL text cannot hold U+0000: a search with it is malformed.
  q: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000]*$' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

export const IdParams = Type.Object({ id: Uuid });

export const QuestionSchema = Type.Object({
  id: Uuid,
  trackId: Uuid,
  moduleId: Uuid,
  stageId: Nullable(Uuid),
  kind: Kind,
  name: Nullable(Type.String()),
  text: Type.String({ description: 'Markdown' }),
  options: Type.Array(Type.String()),
  correct: Type.Array(Type.Integer(), { description: 'indexes into options' }),
  explanation: Type.String({ description: 'Markdown; may be empty' }),
  status: Status,
  retiredAt: Nullable(DateTime),
  replacesId: Nullable(Uuid),
  usedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const QuestionPage = Type.Object({ items: Type.Array(QuestionSchema), total: Type.Integer() });

export const UpdateResult = Type.Object({
  question: QuestionSchema,
  replaced: Type.Boolean({ description: 'true: the question was used, so a new one replaced it and it was retired' }),
});

export const ImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  stored: Type.Boolean({ description: 'whether anything was stored' }),
  imported: Type.Integer({ description: 'how many questions were (or, in a dry run, would be) stored' }),
  questions: Type.Array(
    Type.Object({
      line: Type.Integer(),
      id: Nullable(Uuid),
      kind: Kind,
      name: Nullable(Type.String()),
      text: Type.String(),
      options: Type.Array(Type.String()),
      correct: Type.Array(Type.Integer()),
      module: Type.Object({ id: Uuid, title: Type.String() }),
      stage: Nullable(Type.Object({ id: Uuid, position: Type.Integer(), title: Type.String() })),
    }),
  ),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ description: '1-based line of the file' }),
      reason: Type.String({ description: 'stable code, see docs/question-bank.md' }),
      message: Type.String({ description: 'localized' }),
    }),
  ),
});

export const ExportQuery = Type.Object({
  trackId: Type.String({ minLength: 1, maxLength: 100, description: 'track id or slug' }),
  format: Type.Literal('gift', { default: 'gift' }),
});

export function questionJson(question: QuestionView) {
  return {
    ...question,
    retiredAt: question.retiredAt?.toISOString() ?? null,
    usedAt: question.usedAt?.toISOString() ?? null,
    createdAt: question.createdAt.toISOString(),
    updatedAt: question.updatedAt.toISOString(),
  };
}

export type RejectionMessage = (reason: ImportReport['rejected'][number]['reason']) => string;

export function importReportJson(report: ImportReport, message: RejectionMessage) {
  return {
    ...report,
    rejected: report.rejected.map(({ line, reason }) => ({ line, reason: reason.code, message: message(reason) })),
  };
}
