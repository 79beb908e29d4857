/**
 * The learning journey's tables as Kysely sees them (camelCase): progress (enrollments, stage
 * progress, mastery, article assignments, certificates), assessment (attempts, their questions and
 * answers) and approvals (approval requests). Created by `migrations/0011_learning.ts`.
 */
import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** `numeric` comes back from pg as a string; write numbers. */
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
/** `bigint` comes back from pg as a string. */
type BigIntColumn = ColumnType<string, number | bigint | string, number | bigint | string>;

export type EnrollmentStatus = 'diagnostic' | 'learning' | 'final' | 'graduated';
export type StageProgressStatus = 'active' | 'pending_approval' | 'completed';
export type AttemptKind = 'diagnostic' | 'minitest' | 'level_exam' | 'rank_final';
export type AttemptStatus = 'in_progress' | 'passed' | 'failed' | 'annulled';
export type ApprovalKind = 'stage_transition' | 'graduation';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export type EnrollmentTable = {
  id: string;
  userId: string;
  trackId: string;
  status: Defaulted<EnrollmentStatus>;
  extraTimePercent: Defaulted<number>;
  enrolledAt: Date;
  graduatedAt: Defaulted<Date | null>;
  updatedAt: Date;
};

export type StageProgressTable = {
  userId: string;
  stageId: string;
  enrollmentId: string;
  trackId: string;
  /** The track's settings version pinned when the stage became active. */
  settingsVersion: number;
  status: Defaulted<StageProgressStatus>;
  startedAt: Date;
  completedAt: Defaulted<Date | null>;
  updatedAt: Date;
};

export type MasteryTable = {
  userId: string;
  moduleId: string;
  trackId: string;
  answered: Defaulted<number>;
  correct: Defaulted<number>;
  updatedAt: Date;
};

export type ArticleAssignmentTable = {
  userId: string;
  stageId: string;
  articleId: string;
  trackId: string;
  reason: 'core' | 'remedial';
  /** For remedial assignments: the weak module and its mastery when the stage became active. */
  weakModuleId: Defaulted<string | null>;
  weakMastery: Defaulted<number | null>;
  position: number;
  assignedAt: Date;
  openedAt: Defaulted<Date | null>;
  doneAt: Defaulted<Date | null>;
};

export type CertificateTable = {
  code: string;
  enrollmentId: string;
  userId: string;
  trackId: string;
  holderName: string;
  trackTitle: string;
  issuedAt: Date;
};

export type AttemptTable = {
  id: string;
  userId: string;
  trackId: string;
  kind: AttemptKind;
  stageId: Defaulted<string | null>;
  articleId: Defaulted<string | null>;
  settingsVersion: number;
  /** 1, 2, … per user and scope. */
  number: number;
  status: Defaulted<AttemptStatus>;
  seed: BigIntColumn;
  startedAt: Date;
  /** Null for untimed attempts (diagnostic, mini-test). */
  deadlineAt: Defaulted<Date | null>;
  finishedAt: Defaulted<Date | null>;
  correctCount: Defaulted<number | null>;
  questionCount: number;
  /** Percent, two decimals. */
  score: NullableNumeric;
  /** The pass mark in force when the attempt started (null for the diagnostic). */
  passPercent: Defaulted<number | null>;
  annulledAt: Defaulted<Date | null>;
  annulledBy: Defaulted<string | null>;
  annulReason: Defaulted<string | null>;
};

export type AttemptQuestionTable = {
  attemptId: string;
  questionId: string;
  position: number;
  moduleId: string;
  /** Set when the attempt is graded. */
  correct: Defaulted<boolean | null>;
};

export type AttemptAnswerTable = {
  attemptId: string;
  questionId: string;
  selected: number[];
  answeredAt: Date;
};

export type ApprovalRequestTable = {
  id: string;
  userId: string;
  trackId: string;
  kind: ApprovalKind;
  stageId: Defaulted<string | null>;
  attemptId: string;
  status: Defaulted<ApprovalStatus>;
  requestedAt: Date;
  decidedAt: Defaulted<Date | null>;
  decidedBy: Defaulted<string | null>;
  /** Approved in the same transaction because the settings say `approval.required = false`. */
  automatic: Defaulted<boolean>;
  comment: Defaulted<string | null>;
};

export type LearningTables = {
  enrollments: EnrollmentTable;
  stageProgress: StageProgressTable;
  mastery: MasteryTable;
  articleAssignments: ArticleAssignmentTable;
  certificates: CertificateTable;
  attempts: AttemptTable;
  attemptQuestions: AttemptQuestionTable;
  attemptAnswers: AttemptAnswerTable;
  approvalRequests: ApprovalRequestTable;
};
