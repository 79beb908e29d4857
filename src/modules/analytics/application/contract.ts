import type { AnalyticsActor } from '../domain/access.ts';
import type { ItemFlag, ItemSums, Thresholds } from '../domain/item-statistics.ts';

/**
 * What the analytics module offers: read-only reports over the learning tables. Errors
 * (`analytics.*`): `forbidden` (403), `track_not_found` (404), `invalid_thresholds` (422).
 *
 * Which attempts count: only finished (passed or failed), non-annulled attempts. Item statistics
 * use level exams and rank finals only — the diagnostic is taken before any study and drawn
 * across every stage tier, so its answers would make later-stage items look hard; mini-test
 * questions are a separate pool.
 */
export type { AnalyticsActor, ItemFlag, Thresholds };

export type ExamOutcome = Readonly<{
  /** Finished, non-annulled attempts. */
  finished: number;
  passed: number;
  /** passed / finished, 0..1; null without finished attempts. */
  passRate: number | null;
  /** Students with a passed attempt. */
  studentsPassed: number;
  /** Mean finished attempts a student needed up to and including the pass; null when nobody passed. */
  meanAttemptsToPass: number | null;
}>;

export type StageAnalytics = Readonly<{
  stageId: string;
  position: number;
  title: string;
  /** Students per status of their stage progress. */
  students: Readonly<{ active: number; pendingApproval: number; completed: number }>;
  levelExam: ExamOutcome;
}>;

export type ApprovalLatency = Readonly<{
  /** Decided requests that a person decided (automatic approvals excluded). */
  decided: number;
  medianWaitSeconds: number | null;
  meanWaitSeconds: number | null;
  pending: number;
  /** Age of the oldest pending request at the time of the report; null when none is pending. */
  oldestPendingSeconds: number | null;
}>;

export type TrackAnalytics = Readonly<{
  track: Readonly<{ id: string; slug: string; title: string }>;
  /** Enrollments per status. */
  enrollments: Readonly<{ diagnostic: number; learning: number; final: number; graduated: number }>;
  stages: readonly StageAnalytics[];
  rankFinal: ExamOutcome;
  approvals: ApprovalLatency;
  generatedAt: Date;
}>;

export type QuestionStat = Readonly<{
  questionId: string;
  text: string;
  kind: 'single' | 'multiple';
  status: 'active' | 'retired';
  moduleId: string;
  stageId: string | null;
  /** Graded presentations in counted attempts (left blank = answered wrongly, as grading does). */
  answered: number;
  /** Of those, left without an answer. */
  blank: number;
  pValue: number | null;
  discrimination: number | null;
  /** Per option index: how many counted attempts selected it. */
  optionCounts: readonly number[];
  flags: readonly ItemFlag[];
}>;

export const QUESTION_SORTS = ['flags', 'pValue', 'discrimination', 'answered'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

export type QuestionStatsQuery = Readonly<{
  actor: AnalyticsActor;
  trackId: string;
  /** Raw thresholds from the request; missing ones take the defaults (0.2, 0.95, 0). */
  minP?: number | undefined;
  maxP?: number | undefined;
  minDiscrimination?: number | undefined;
  moduleId?: string | undefined;
  flaggedOnly?: boolean | undefined;
  /** `flags`: most flags first; `pValue`, `discrimination`: lowest first; `answered`: most first. */
  sort?: QuestionSort | undefined;
  /** Reverses the sort's natural order; questions without the value always come last. */
  descending?: boolean | undefined;
  limit: number;
  offset: number;
}>;

export type QuestionStatsPage = Readonly<{
  track: Readonly<{ id: string; slug: string; title: string }>;
  thresholds: Thresholds;
  items: readonly QuestionStat[];
  total: number;
}>;

export type AnalyticsUseCases = Readonly<{
  trackAnalytics(input: Readonly<{ actor: AnalyticsActor; trackId: string; now: Date }>): Promise<TrackAnalytics>;
  questionStats(input: QuestionStatsQuery): Promise<QuestionStatsPage>;
}>;

/** What the use cases read (implemented with SQL in infrastructure). */
export type AnalyticsReads = Readonly<{
  track(trackId: string): Promise<
    | Readonly<{
        id: string;
        slug: string;
        title: string;
        stages: readonly Readonly<{ id: string; position: number; title: string }>[];
      }>
    | undefined
  >;
  enrollmentCounts(trackId: string): Promise<readonly Readonly<{ status: string; count: number }>[]>;
  stageStudents(trackId: string): Promise<readonly Readonly<{ stageId: string; status: string; count: number }>[]>;
  /** Per level-exam stage (and the rank final, stageId null). */
  examOutcomes(trackId: string): Promise<
    readonly Readonly<{
      kind: 'level_exam' | 'rank_final';
      stageId: string | null;
      finished: number;
      passed: number;
      studentsPassed: number;
      attemptsToPass: number;
    }>[]
  >;
  approvalLatency(trackId: string, now: Date): Promise<ApprovalLatency>;
  /** Exam-bank questions of the track (mini-test questions excluded), retired ones too. */
  questions(trackId: string): Promise<
    readonly Readonly<{
      id: string;
      text: string;
      kind: 'single' | 'multiple';
      status: 'active' | 'retired';
      moduleId: string;
      stageId: string | null;
      optionCount: number;
    }>[]
  >;
  itemSums(trackId: string): Promise<ReadonlyMap<string, ItemSums & Readonly<{ blank: number }>>>;
  /** question id → counts per option index (indexes without selections are missing). */
  optionCounts(trackId: string): Promise<ReadonlyMap<string, ReadonlyMap<number, number>>>;
}>;
