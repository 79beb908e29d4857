import { Type } from 'typebox';
import { AttemptSchema } from '../../assessment/index.ts';
import type { EnrollmentView } from '../application/contract.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const EnrollmentStatusSchema = Type.Union([
  Type.Literal('diagnostic'),
  Type.Literal('learning'),
  Type.Literal('final'),
  Type.Literal('graduated'),
]);
export const StageStatusSchema = Type.Union([
  Type.Literal('locked'),
  Type.Literal('active'),
  Type.Literal('pending_approval'),
  Type.Literal('completed'),
]);

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 300 }) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const StageParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 300 }),
  position: Type.Integer({ minimum: 1, maximum: 10_000 }),
});
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });

export const TrackRefSchema = Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() });

export const EnrollmentSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  track: TrackRefSchema,
  status: EnrollmentStatusSchema,
  extraTimePercent: Type.Integer(),
  enrolledAt: DateTime,
  graduatedAt: Nullable(DateTime),
});
export const EnrollmentResult = Type.Object({ enrollment: EnrollmentSchema });

/** A started (or resumed) attempt: where to take it. */
/** The started attempt as `GET /attempts/{id}` gives it, plus `attemptId` and `created`. */
export const StartResultSchema = Type.Object({
  ...AttemptSchema.properties,
  attemptId: Uuid,
  created: Type.Boolean(),
});

export const iso = (date: Date | null) => date?.toISOString() ?? null;

export function enrollmentJson(enrollment: EnrollmentView) {
  return {
    ...enrollment,
    track: { ...enrollment.track },
    enrolledAt: enrollment.enrolledAt.toISOString(),
    graduatedAt: iso(enrollment.graduatedAt),
  };
}

const CurrentStage = Type.Object({ position: Type.Integer(), title: Type.String(), status: StageStatusSchema });

const summaryFields = {
  ...EnrollmentSchema.properties,
  currentStage: Nullable(CurrentStage),
  stageCount: Type.Integer(),
  completedStages: Type.Integer(),
  progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  certificateCode: Nullable(Type.String()),
};
export const EnrollmentSummarySchema = Type.Object(summaryFields);
export const EnrollmentList = Type.Object({ items: Type.Array(EnrollmentSummarySchema), total: Type.Integer() });

export const StaffEnrollmentSchema = Type.Object({
  ...summaryFields,
  studentName: Type.String(),
  studentEmail: Type.String(),
});
export const StaffEnrollmentList = Type.Object({
  items: Type.Array(StaffEnrollmentSchema),
  total: Type.Integer({ description: 'Exact, or at least this many when totalIsCapped' }),
  totalIsCapped: Type.Boolean(),
});
export const StaffListQuery = Type.Object({
  trackId: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(EnrollmentStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

export const ExtraTimeBody = Type.Object(
  { extraTimePercent: Type.Integer({ minimum: 0, maximum: 200 }) },
  { additionalProperties: false },
);

const AttemptKindSchema = Type.Union([
  Type.Literal('diagnostic'),
  Type.Literal('minitest'),
  Type.Literal('level_exam'),
  Type.Literal('rank_final'),
]);
const ModuleResultSchema = Type.Object({ moduleId: Uuid, correct: Type.Integer(), total: Type.Integer() });
export const AttemptReportSchema = Type.Object({
  id: Uuid,
  kind: AttemptKindSchema,
  number: Type.Integer(),
  status: Type.Union([
    Type.Literal('in_progress'),
    Type.Literal('passed'),
    Type.Literal('failed'),
    Type.Literal('annulled'),
  ]),
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
  perModule: Type.Array(ModuleResultSchema),
  annulReason: Nullable(Type.String()),
});

const StageSchema = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  title: Type.String(),
  status: StageStatusSchema,
  settingsVersion: Nullable(Type.Integer()),
  startedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
});
const MasterySchema = Type.Object({
  moduleId: Uuid,
  slug: Type.String(),
  title: Type.String(),
  position: Type.Integer(),
  answered: Type.Integer(),
  correct: Type.Integer(),
  mastery: Type.Number({ description: '(correct + 1) / (answered + 2)' }),
  weak: Type.Boolean(),
});
const ReasonSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('core'), Type.Literal('remedial')]),
    moduleId: Type.Optional(Uuid),
    moduleTitle: Type.Optional(Type.String()),
    mastery: Type.Optional(Type.Number()),
  },
  { description: 'Why the article is assigned: core of the stage, or remedial for a weak module (its mastery then)' },
);
export const AssignmentSchema = Type.Object({
  article: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String(), summary: Type.String() }),
  stageId: Uuid,
  reason: ReasonSchema,
  position: Type.Integer(),
  openedAt: Nullable(DateTime),
  done: Type.Boolean(),
  minitestSize: Type.Integer(),
});
const NextSchema = Type.Object(
  {
    action: Type.Union([
      Type.Literal('take_diagnostic'),
      Type.Literal('continue_attempt'),
      Type.Literal('study'),
      Type.Literal('take_level_exam'),
      Type.Literal('wait_cooldown'),
      Type.Literal('wait_for_approval'),
      Type.Literal('take_rank_final'),
      Type.Literal('graduated'),
    ]),
    attemptId: Type.Optional(Uuid),
    kind: Type.Optional(AttemptKindSchema),
    articleId: Type.Optional(Uuid),
    stagePosition: Type.Optional(Nullable(Type.Integer())),
    retryAt: Type.Optional(DateTime),
    certificateCode: Type.Optional(Type.String()),
  },
  { description: 'What to do now; the other fields depend on the action' },
);
export const TrackProgressSchema = Type.Object({
  enrollment: EnrollmentSchema,
  stages: Type.Array(StageSchema),
  mastery: Type.Array(MasterySchema),
  weakModules: Type.Array(Uuid, { description: 'Module ids, weakest first' }),
  assignments: Type.Array(AssignmentSchema),
  attempts: Type.Array(AttemptReportSchema),
  diagnostic: Nullable(AttemptReportSchema),
  lastDecision: Nullable(
    Type.Object({
      status: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
      comment: Nullable(Type.String()),
      decidedAt: DateTime,
    }),
  ),
  next: NextSchema,
  certificateCode: Nullable(Type.String()),
});

export const CertificateSchema = Type.Object({
  code: Type.String(),
  holderName: Type.String(),
  trackTitle: Type.String(),
  trackSlug: Type.String(),
  issuedAt: DateTime,
});
