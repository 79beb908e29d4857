import { Type } from 'typebox';
import type { AttemptReport } from '../../assessment/index.ts';
import type { AssignmentView, EnrollmentView, ModuleMastery } from '../../progress/index.ts';
import type { ApprovalView, Dossier } from '../application/contract.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ApprovalStatusSchema = literals(APPROVAL_STATUSES);

export const IdParams = Type.Object({ id: Uuid });

export const ListQuery = Type.Object({
  status: Type.Optional(ApprovalStatusSchema),
  trackId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

// The length rules are the use case's (a localized 422); these only bound the input.
export const ApproveBody = Type.Object({
  comment: Type.Optional(
    Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()], { description: 'at most 2000 characters' }),
  ),
});
export const RejectBody = Type.Object({
  comment: Type.Optional(
    Type.String({ maxLength: 100_000, description: 'required: 1 to 2000 characters, shown to the student' }),
  ),
});

export const ApprovalSchema = Type.Object({
  id: Uuid,
  kind: literals(['stage_transition', 'graduation'] as const),
  status: ApprovalStatusSchema,
  student: Type.Object({ id: Uuid, displayName: Type.String(), email: Type.String() }),
  track: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  stage: Type.Union([Type.Object({ id: Uuid, position: Type.Integer(), title: Type.String() }), Type.Null()]),
  attemptId: Uuid,
  score: Type.Number({ description: 'the triggering attempt’s score, percent' }),
  requestedAt: DateTime,
  decidedAt: NullableDateTime,
  decidedBy: Type.Union([Type.Object({ id: Uuid, displayName: Type.String() }), Type.Null()], {
    description: 'null while pending, for an automatic approval, or when the decider’s account was deleted',
  }),
  automatic: Type.Boolean({ description: 'approved at once because the track’s settings need no approval' }),
  comment: Type.Union([Type.String(), Type.Null()]),
});

export const ApprovalListSchema = Type.Object({ items: Type.Array(ApprovalSchema), total: Type.Integer() });

/** The staff queue: past 1,000 matching requests the total is a floor (`totalIsCapped`). */
export const ApprovalQueueSchema = Type.Object({
  items: Type.Array(ApprovalSchema),
  total: Type.Integer({ description: 'Exact, or at least this many when totalIsCapped' }),
  totalIsCapped: Type.Boolean(),
});

const ModuleResultSchema = Type.Object({ moduleId: Uuid, correct: Type.Integer(), total: Type.Integer() });

const AttemptSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  number: Type.Integer(),
  status: Type.String(),
  stageId: Type.Union([Uuid, Type.Null()]),
  settingsVersion: Type.Integer(),
  startedAt: DateTime,
  deadlineAt: NullableDateTime,
  finishedAt: NullableDateTime,
  score: Type.Union([Type.Number(), Type.Null()]),
  correct: Type.Union([Type.Integer(), Type.Null()]),
  total: Type.Integer(),
  passPercent: Type.Union([Type.Number(), Type.Null()]),
  durationSeconds: Type.Union([Type.Integer(), Type.Null()]),
  perModule: Type.Array(ModuleResultSchema),
  annulReason: Type.Union([Type.String(), Type.Null()]),
});

const MasterySchema = Type.Object({
  moduleId: Uuid,
  slug: Type.String(),
  title: Type.String(),
  position: Type.Integer(),
  answered: Type.Integer(),
  correct: Type.Integer(),
  mastery: Type.Number(),
  weak: Type.Boolean(),
});

const ArticleSchema = Type.Object({
  article: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  stageId: Uuid,
  reason: Type.Object({
    kind: literals(['core', 'remedial'] as const),
    moduleId: Type.Optional(Uuid),
    moduleTitle: Type.Optional(Type.String()),
    mastery: Type.Optional(Type.Number()),
  }),
  openedAt: NullableDateTime,
  done: Type.Boolean(),
  minitestSize: Type.Integer(),
});

const EnrollmentSchema = Type.Union([
  Type.Object({ id: Uuid, status: Type.String(), extraTimePercent: Type.Integer(), enrolledAt: DateTime }),
  Type.Null(),
]);

export const DossierSchema = Type.Object({
  request: ApprovalSchema,
  attempts: Type.Array(AttemptSchema, {
    description: 'the student’s attempts for the stage or the final, newest first',
  }),
  mastery: Type.Array(MasterySchema),
  articles: Type.Array(ArticleSchema),
  enrollment: EnrollmentSchema,
  history: Type.Array(ApprovalSchema, { description: 'earlier requests of the student on the track' }),
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function approvalJson(request: ApprovalView) {
  return {
    ...request,
    requestedAt: request.requestedAt.toISOString(),
    decidedAt: iso(request.decidedAt),
  };
}

/** Whole seconds from the start to the end of a finished attempt. */
export function durationSeconds(attempt: AttemptReport): number | null {
  return attempt.finishedAt
    ? Math.max(0, Math.round((attempt.finishedAt.getTime() - attempt.startedAt.getTime()) / 1000))
    : null;
}

function attemptJson(attempt: AttemptReport) {
  return {
    id: attempt.id,
    kind: attempt.kind,
    number: attempt.number,
    status: attempt.status,
    stageId: attempt.stageId,
    settingsVersion: attempt.settingsVersion,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: iso(attempt.deadlineAt),
    finishedAt: iso(attempt.finishedAt),
    score: attempt.score,
    correct: attempt.correct,
    total: attempt.total,
    passPercent: attempt.passPercent,
    durationSeconds: durationSeconds(attempt),
    perModule: attempt.perModule,
    annulReason: attempt.annulReason,
  };
}

const masteryJson = (mastery: ModuleMastery) => ({ ...mastery });

function articleJson(assignment: AssignmentView) {
  return {
    article: { id: assignment.article.id, slug: assignment.article.slug, title: assignment.article.title },
    stageId: assignment.stageId,
    reason: assignment.reason,
    openedAt: iso(assignment.openedAt),
    done: assignment.done,
    minitestSize: assignment.minitestSize,
  };
}

function enrollmentJson(enrollment: EnrollmentView | null) {
  return (
    enrollment && {
      id: enrollment.id,
      status: enrollment.status,
      extraTimePercent: enrollment.extraTimePercent,
      enrolledAt: enrollment.enrolledAt.toISOString(),
    }
  );
}

export function dossierJson(dossier: Dossier) {
  return {
    request: approvalJson(dossier.request),
    attempts: dossier.attempts.map(attemptJson),
    mastery: dossier.mastery.map(masteryJson),
    articles: dossier.articles.map(articleJson),
    enrollment: enrollmentJson(dossier.enrollment),
    history: dossier.history.map(approvalJson),
  };
}
