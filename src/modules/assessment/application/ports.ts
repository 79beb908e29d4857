import type { AuditLog } from '../../../shared/application/audit.ts';
import type { Outbox } from '../../../shared/application/outbox.ts';
import type { SettingsParams } from '../../catalog/index.ts';
import type { ComposedQuestion, PoolQuestion } from '../domain/composition-types.ts';
import type { QuestionKind } from '../domain/grading.ts';
import type {
  AnnulmentConsequences,
  AttemptKind,
  AttemptOutcomes,
  AttemptScope,
  AttemptStatus,
  ModuleResult,
} from './contract.ts';

/** An earlier attempt of a scope, as the start rules see it. */
export type ScopeAttempt = Readonly<{
  id: string;
  number: number;
  status: AttemptStatus;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  questionIds: readonly string[];
}>;

/** An attempt row as the use cases see it. */
export type AttemptRecord = Readonly<{
  id: string;
  userId: string;
  trackId: string;
  kind: AttemptKind;
  stageId: string | null;
  articleId: string | null;
  settingsVersion: number;
  number: number;
  status: AttemptStatus;
  seed: number;
  startedAt: Date;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  correctCount: number | null;
  questionCount: number;
  score: number | null;
  passPercent: number | null;
  annulledAt: Date | null;
  annulledBy: string | null;
  annulReason: string | null;
}>;

/** One question of an attempt with its content (correct options included) and the saved answer. */
export type AttemptItem = Readonly<{
  questionId: string;
  position: number;
  moduleId: string;
  kind: QuestionKind;
  text: string;
  options: readonly string[];
  correctOptions: readonly number[];
  explanation: string;
  /** Stored when the attempt was graded. */
  graded: boolean | null;
  selected: readonly number[] | null;
}>;

export type NewAttempt = Readonly<{
  id: string;
  userId: string;
  trackId: string;
  kind: AttemptKind;
  stageId: string | null;
  articleId: string | null;
  settingsVersion: number;
  number: number;
  seed: number;
  startedAt: Date;
  deadlineAt: Date | null;
  passPercent: number | null;
  questions: readonly ComposedQuestion[];
}>;

export type Grading = Readonly<{
  grades: readonly Readonly<{ questionId: string; correct: boolean }>[];
  status: 'passed' | 'failed';
  correctCount: number;
  score: number;
  finishedAt: Date;
}>;

export type Annulment = Readonly<{ reason: string; by: string | null; at: Date }>;

/** Attempts, their questions and answers, on the pool or bound to a transaction. */
export type AttemptStore = {
  /** Locks the enrollment row: every start of the student on the track waits for the previous one. */
  lockEnrollment(userId: string, trackId: string): Promise<boolean>;
  /**
   * Every attempt of the student's scope, newest first, with the questions each one asked: one
   * statement answers all the start rules (open attempt, passed, cooldown, seen questions, number).
   */
  scopeHistory(userId: string, scope: AttemptScope): Promise<readonly ScopeAttempt[]>;
  /** 'scope_taken' when a concurrent start won a unique index of the scope (nothing is written). */
  insert(attempt: NewAttempt): Promise<'inserted' | 'scope_taken'>;
  inScope(userId: string, scope: AttemptScope): Promise<readonly AttemptRecord[]>;
  find(id: string): Promise<AttemptRecord | undefined>;
  /** Locks the row until the transaction ends: 'share' lets answers run side by side, 'update' excludes them. */
  lock(id: string, mode: 'share' | 'update'): Promise<AttemptRecord | undefined>;
  /** Locks an in-progress attempt past its deadline, skipping one another transaction holds. */
  lockExpired(id: string, now: Date): Promise<AttemptRecord | undefined>;
  expiredIds(now: Date, limit: number): Promise<readonly string[]>;
  items(attemptId: string): Promise<readonly AttemptItem[]>;
  item(attemptId: string, questionId: string): Promise<AttemptItem | undefined>;
  saveAnswer(attemptId: string, questionId: string, selected: readonly number[], now: Date): Promise<void>;
  clearAnswer(attemptId: string, questionId: string): Promise<void>;
  recordGrading(attemptId: string, grading: Grading): Promise<void>;
  annul(attemptId: string, annulment: Annulment): Promise<void>;
  moduleResults(attemptId: string): Promise<readonly ModuleResult[]>;
};

/** Eligible questions, from the question bank (only active ones). */
export type QuestionPools = {
  /** Exam questions of the track (no mini-test ones): of no stage or of `stageId`; of any stage when null (rank final). */
  exam(trackId: string, stageId: string | null): Promise<readonly PoolQuestion[]>;
  /** Every exam question of the track, with its stage tier. */
  diagnostic(trackId: string): Promise<readonly PoolQuestion[]>;
  minitest(articleId: string): Promise<readonly PoolQuestion[]>;
  /** From now on their content is frozen. */
  markUsed(ids: readonly string[], now: Date): Promise<void>;
};

export type TrackOutline = Readonly<{
  id: string;
  slug: string;
  title: string;
  stages: readonly Readonly<{ id: string; position: number; title: string }>[];
  modules: readonly Readonly<{ id: string; position: number; title: string }>[];
}>;

export type AssessmentTracks = {
  outline(trackId: string): Promise<TrackOutline | undefined>;
  settings(trackId: string, version: number): Promise<SettingsParams | undefined>;
};

export type AssessmentRepositories = Readonly<{
  attempts: AttemptStore;
  pools: QuestionPools;
  tracks: AssessmentTracks;
  outcomes: AttemptOutcomes;
  consequences: AnnulmentConsequences;
  outbox: Outbox;
}>;

export type AssessmentUnitOfWork = {
  run<T>(work: (repositories: AssessmentRepositories, audit: AuditLog<'attempt.annulled'>) => Promise<T>): Promise<T>;
};

/** Markdown → safe HTML (block and inline). */
export type MarkdownRendering = Readonly<{ block(source: string): string; inline(source: string): string }>;

export type AssessmentDeps = Readonly<{
  uow: AssessmentUnitOfWork;
  /** Reads outside a transaction. */
  reads: Readonly<{ attempts: AttemptStore; tracks: AssessmentTracks }>;
  markdown: MarkdownRendering;
  now: () => Date;
  newId: () => string;
  /** A random unsigned 32-bit integer. */
  newSeed: () => number;
  expiryBatch: number;
  onExpiryFailure: (attemptId: string, error: unknown) => void;
}>;
