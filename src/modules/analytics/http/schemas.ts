import { Type } from 'typebox';
import type { ExamOutcome, QuestionStat, TrackAnalytics } from '../application/contract.ts';
import { QUESTION_SORTS } from '../application/contract.ts';
import { ITEM_FLAGS } from '../domain/item-statistics.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

export const TrackIdParams = Type.Object({ id: Uuid });

export const QuestionStatsQuery = Type.Object({
  trackId: Uuid,
  /** Bounds are the module's rule (a 422 naming each field); the schema only asks for numbers. */
  minP: Type.Optional(Type.Number({ description: 'Flag as too hard below this p-value (default 0.2)' })),
  maxP: Type.Optional(Type.Number({ description: 'Flag as too easy above this p-value (default 0.95)' })),
  minDiscrimination: Type.Optional(
    Type.Number({ description: 'Flag as poorly discriminating below this point-biserial r (default 0)' }),
  ),
  moduleId: Type.Optional(Uuid),
  flagged: Type.Optional(Type.Boolean({ description: 'Only questions with at least one flag' })),
  sort: Type.Optional(Type.Union(QUESTION_SORTS.map((sort) => Type.Literal(sort)))),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

const Flag = Type.Union(ITEM_FLAGS.map((flag) => Type.Literal(flag)));

const QuestionStatSchema = Type.Object({
  questionId: Uuid,
  text: Type.String(),
  kind: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  moduleId: Uuid,
  stageId: Nullable(Uuid),
  answered: Count,
  blank: Count,
  pValue: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  discrimination: Nullable(Type.Number({ minimum: -1, maximum: 1 })),
  optionCounts: Type.Array(Count),
  flags: Type.Array(Flag),
});

export const QuestionStatsPage = Type.Object({
  items: Type.Array(QuestionStatSchema),
  total: Count,
  thresholds: Type.Object({ minP: Type.Number(), maxP: Type.Number(), minDiscrimination: Type.Number() }),
});

const ExamOutcomeSchema = Type.Object({
  finished: Count,
  passed: Count,
  passRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  studentsPassed: Count,
  meanAttemptsToPass: Nullable(Type.Number({ minimum: 1 })),
});

export const TrackAnalyticsSchema = Type.Object({
  track: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  enrollments: Type.Object({ diagnostic: Count, learning: Count, final: Count, graduated: Count }),
  stages: Type.Array(
    Type.Object({
      stageId: Uuid,
      position: Type.Integer(),
      title: Type.String(),
      students: Type.Object({ active: Count, pendingApproval: Count, completed: Count }),
      levelExam: ExamOutcomeSchema,
    }),
  ),
  rankFinal: ExamOutcomeSchema,
  approvals: Type.Object({
    decided: Count,
    medianWaitSeconds: Nullable(Type.Number({ minimum: 0 })),
    meanWaitSeconds: Nullable(Type.Number({ minimum: 0 })),
    pending: Count,
    oldestPendingSeconds: Nullable(Type.Number({ minimum: 0 })),
  }),
  generatedAt: Type.String({ format: 'date-time' }),
});

const outcomeJson = (outcome: ExamOutcome) => ({ ...outcome });

export function trackAnalyticsJson(report: TrackAnalytics) {
  return {
    ...report,
    stages: report.stages.map((stage) => ({ ...stage, levelExam: outcomeJson(stage.levelExam) })),
    rankFinal: outcomeJson(report.rankFinal),
    generatedAt: report.generatedAt.toISOString(),
  };
}

export function questionStatJson(stat: QuestionStat) {
  return { ...stat, optionCounts: [...stat.optionCounts], flags: [...stat.flags] };
}
