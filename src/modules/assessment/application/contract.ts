import type { RequestOrigin } from '../../../shared/domain/audit.ts';
import type { SettingsParams } from '../../catalog/index.ts';

/**
 * What the assessment module offers: attempts of all four kinds, grading, the adaptive
 * composition. Students reach their own attempts through `AssessmentUseCases` (another user's
 * attempt is 404); the progress module starts attempts through `AttemptStarter` inside its own
 * transaction after checking the journey's rules; approvals annul and read them.
 */
export type Role = 'student' | 'moderator' | 'admin' | 'owner';
export type Actor = Readonly<{ id: string; role: Role }>;

export type AttemptKind = 'diagnostic' | 'minitest' | 'level_exam' | 'rank_final';
export type AttemptStatus = 'in_progress' | 'passed' | 'failed' | 'annulled';

export type AttemptScope =
  | Readonly<{ kind: 'diagnostic'; trackId: string }>
  | Readonly<{ kind: 'minitest'; trackId: string; articleId: string }>
  | Readonly<{ kind: 'level_exam'; trackId: string; stageId: string }>
  | Readonly<{ kind: 'rank_final'; trackId: string }>;

/** Everything assessment needs to start an attempt; progress has checked the journey's rules. */
export type StartAttemptRequest = Readonly<{
  userId: string;
  scope: AttemptScope;
  /** The pinned settings version (stage's for level exams and mini-tests, current for the rest). */
  settingsVersion: number;
  settings: SettingsParams;
  /** Mastery per module of the track (every module, 0.5 for none): the engine's input. */
  mastery: readonly Readonly<{ moduleId: string; position: number; mastery: number }>[];
  /** The enrollment's accommodation: extends the deadline of timed attempts. */
  extraTimePercent: number;
  now: Date;
}>;

export type StartedAttempt = Readonly<{
  attemptId: string;
  /** false: an attempt of the same scope was already in progress and is returned as it is. */
  created: boolean;
  deadlineAt: Date | null;
}>;

/**
 * Bound to the caller's transaction (implemented by assessment, used by progress). Errors:
 * `assessment.diagnostic_already_taken` (409), `assessment.already_passed` (409),
 * `assessment.cooldown` (429 with `retryAfterSeconds`), `assessment.question_bank_too_small` (422,
 * naming the modules). Marks the chosen questions used (`createQuestionUsage(tx).markUsed`).
 */
export type AttemptStarter = {
  start(request: StartAttemptRequest): Promise<StartedAttempt>;
};

export type ModuleResult = Readonly<{ moduleId: string; correct: number; total: number }>;

/** Handed to `AttemptOutcomes` in the transaction that grades the attempt. */
export type FinishedAttempt = Readonly<{
  attemptId: string;
  userId: string;
  trackId: string;
  kind: AttemptKind;
  stageId: string | null;
  articleId: string | null;
  settingsVersion: number;
  status: 'passed' | 'failed';
  /** Percent, 0..100. */
  score: number;
  perModule: readonly ModuleResult[];
  finishedAt: Date;
}>;

/**
 * Implemented by progress, called by assessment inside the finishing transaction (once per
 * attempt): updates mastery from every graded question (unanswered = wrong) and moves the
 * journey on (diagnostic → learning + stage 1; mini-test pass → assignment done; exam pass →
 * pending approval through approvals).
 */
export type AttemptOutcomes = {
  attemptFinished(attempt: FinishedAttempt): Promise<void>;
};

/** An attempt as the approvals dossier and the progress page report it. */
export type AttemptReport = Readonly<{
  id: string;
  kind: AttemptKind;
  number: number;
  status: AttemptStatus;
  stageId: string | null;
  articleId: string | null;
  settingsVersion: number;
  startedAt: Date;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  /** Percent, null while in progress. */
  score: number | null;
  correct: number | null;
  total: number;
  passPercent: number | null;
  perModule: readonly ModuleResult[];
  annulReason: string | null;
}>;

/** Read side for other modules (pool or a transaction). Newest first. */
export type AttemptReads = {
  forScope(userId: string, scope: AttemptScope): Promise<readonly AttemptReport[]>;
  byId(attemptId: string): Promise<AttemptReport | undefined>;
};

/** Bound to the approvals transaction: rejecting a pass annuls the attempt that earned it. */
export type AttemptAnnulment = {
  annul(attemptId: string, annulment: Readonly<{ reason: string; by: string | null; at: Date }>): Promise<void>;
};

export type AttemptQuestionView = Readonly<{
  id: string;
  position: number;
  moduleId: string;
  kind: 'single' | 'multiple';
  /** Markdown as written, and the sanitized HTML rendered from it. */
  text: string;
  html: string;
  options: readonly string[];
  /** Each option rendered as inline Markdown (safe HTML). */
  optionsHtml: readonly string[];
  /** The saved answer (indexes), null when not answered. */
  selected: readonly number[] | null;
  /** Only after the attempt ends. */
  correct?: boolean;
  /** Only after the end and when the review policy shows them (diagnostic, mini-test, or `revealCorrectAnswers`). */
  correctOptions?: readonly number[];
  explanation?: string;
  explanationHtml?: string;
}>;

export type AttemptResult = Readonly<{
  attemptId: string;
  kind: AttemptKind;
  status: Exclude<AttemptStatus, 'in_progress'>;
  passed: boolean;
  score: number;
  correct: number;
  total: number;
  passPercent: number | null;
  perModule: readonly (ModuleResult & Readonly<{ moduleTitle: string }>)[];
  finishedAt: Date;
}>;

export type AttemptView = Readonly<{
  id: string;
  kind: AttemptKind;
  status: AttemptStatus;
  number: number;
  track: Readonly<{ id: string; slug: string; title: string }>;
  stage: Readonly<{ id: string; position: number; title: string }> | null;
  articleId: string | null;
  startedAt: Date;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  questions: readonly AttemptQuestionView[];
  /** After the end. */
  result: AttemptResult | null;
  /** Why an admin (or a rejected approval) annulled it; null otherwise. */
  annulReason: string | null;
}>;

/**
 * The student's side of an attempt and the admin's override. Errors: `assessment.attempt_not_found`
 * (404, also another user's attempt), `assessment.attempt_expired` (409), `assessment.attempt_finished`
 * (409), `assessment.invalid_selection` (422), `assessment.forbidden` (403).
 */
export type AssessmentUseCases = {
  getAttempt(actor: Actor, attemptId: string): Promise<AttemptView>;
  /** Replaces the saved answer; an empty list clears it. Refused after the deadline. */
  saveAnswer(actor: Actor, attemptId: string, questionId: string, selected: readonly number[]): Promise<void>;
  /** Idempotent: the row is locked, graded once, and every caller gets the same result. */
  finish(actor: Actor, attemptId: string): Promise<AttemptResult>;
  /** Admin/owner: annuls a finished attempt (reason required, audited); lifts a pass lock or a cooldown. */
  annul(actor: Actor, attemptId: string, reason: string, origin: RequestOrigin): Promise<AttemptReport>;
  /** The job: finishes every in-progress attempt past its deadline, grading what was answered. */
  finishExpired(limit?: number): Promise<number>;
};

/**
 * Implemented by approvals, called by the admin's `annul` in its transaction after the attempt
 * is annulled: a pending approval request of that attempt is closed as rejected with the reason
 * (the stage goes back to active, the student is told); an approved one refuses the annulment
 * (409 `approvals.attempt_already_approved`).
 */
export type AnnulmentConsequences = {
  attemptAnnulled(annulment: Readonly<{ attemptId: string; reason: string; by: string; at: Date }>): Promise<void>;
};
