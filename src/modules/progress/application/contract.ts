import type { CappedPage } from '../../../shared/application/capped-total.ts';
import type { RequestOrigin } from '../../../shared/domain/audit.ts';
import type { Actor, AttemptReport } from '../../assessment/index.ts';

/**
 * What the progress module offers: enrollments, the stage path, mastery, article assignments
 * and certificates. Every use case checks the actor; another user's enrollment is 404. Starting
 * an attempt checks the journey's rules here, then asks assessment (`AttemptStarter`) in the
 * same transaction. Errors (`progress.*`): `track_not_found` (404, also drafts),
 * `not_enrolled` (404), `enrollment_not_found` (404), `diagnostic_required` (409),
 * `stage_not_active` (409), `articles_not_done` (409), `stages_not_completed` (409),
 * `article_not_assigned` (404), `no_minitest` (409), `forbidden` (403), `stage_not_found` (404, no
 * stage at that position), `certificate_not_found` (404), `extra_time_out_of_range` (422).
 */
export type EnrollmentStatus = 'diagnostic' | 'learning' | 'final' | 'graduated';
export type StageStatus = 'locked' | 'active' | 'pending_approval' | 'completed';

export type TrackRef = Readonly<{ id: string; slug: string; title: string }>;

export type EnrollmentView = Readonly<{
  id: string;
  userId: string;
  track: TrackRef;
  status: EnrollmentStatus;
  extraTimePercent: number;
  enrolledAt: Date;
  graduatedAt: Date | null;
}>;

export type EnrollmentSummary = EnrollmentView &
  Readonly<{
    currentStage: Readonly<{ position: number; title: string; status: StageStatus }> | null;
    stageCount: number;
    completedStages: number;
    /** Completed stages (and the final) over all of them, 0..100. */
    progressPercent: number;
    certificateCode: string | null;
  }>;

export type StageView = Readonly<{
  id: string;
  position: number;
  title: string;
  status: StageStatus;
  /** The settings version pinned when the stage started; null while locked. */
  settingsVersion: number | null;
  startedAt: Date | null;
  completedAt: Date | null;
}>;

export type ModuleMastery = Readonly<{
  moduleId: string;
  slug: string;
  title: string;
  position: number;
  answered: number;
  correct: number;
  /** (correct + 1) / (answered + 2). */
  mastery: number;
  weak: boolean;
}>;

export type AssignmentReason =
  Readonly<{ kind: 'core' }> | Readonly<{ kind: 'remedial'; moduleId: string; moduleTitle: string; mastery: number }>;

export type AssignmentView = Readonly<{
  article: Readonly<{ id: string; slug: string; title: string; summary: string }>;
  stageId: string;
  reason: AssignmentReason;
  position: number;
  openedAt: Date | null;
  done: boolean;
  /** Mini-test questions of the article (0 = opening it is enough). */
  minitestSize: number;
}>;

/** What the student should do now. */
export type NextAction =
  | Readonly<{ action: 'take_diagnostic' }>
  | Readonly<{ action: 'continue_attempt'; attemptId: string; kind: AttemptReport['kind'] }>
  | Readonly<{ action: 'study'; articleId: string }>
  | Readonly<{ action: 'take_level_exam'; stagePosition: number }>
  | Readonly<{ action: 'wait_cooldown'; stagePosition: number | null; retryAt: Date }>
  | Readonly<{ action: 'wait_for_approval'; stagePosition: number | null }>
  | Readonly<{ action: 'take_rank_final' }>
  | Readonly<{ action: 'graduated'; certificateCode: string }>;

export type TrackProgress = Readonly<{
  enrollment: EnrollmentView;
  stages: readonly StageView[];
  mastery: readonly ModuleMastery[];
  /** Module ids, weakest first (K from the current stage's pinned settings, or the track's current ones). */
  weakModules: readonly string[];
  /** The assignments of the current (active or pending) stage. */
  assignments: readonly AssignmentView[];
  /** Level exams of the current stage, or rank finals once in `final`; newest first. */
  attempts: readonly AttemptReport[];
  /** The diagnostic, once taken. */
  diagnostic: AttemptReport | null;
  /** The latest decision on this track (e.g. a rejection comment to show). */
  lastDecision: Readonly<{ status: 'approved' | 'rejected'; comment: string | null; decidedAt: Date }> | null;
  next: NextAction;
  certificateCode: string | null;
}>;

export type StartResult = Readonly<{ attemptId: string; created: boolean }>;

export type CertificateView = Readonly<{
  code: string;
  holderName: string;
  trackTitle: string;
  trackSlug: string;
  issuedAt: Date;
}>;

/** A student's view of one assigned article: the article page's learning panel. */
export type StudentArticleState = Readonly<{
  assignment: AssignmentView;
  trackSlug: string;
  stagePosition: number;
  minitestPassPercent: number;
  /** Mini-test attempts of this article, newest first. */
  minitestAttempts: readonly AttemptReport[];
}>;

export type StaffEnrollmentRow = EnrollmentSummary & Readonly<{ studentName: string; studentEmail: string }>;

export type ProgressUseCases = {
  /** 201 when created, 200 (created=false) when already enrolled. Only published tracks. */
  enroll(actor: Actor, trackSlug: string): Promise<Readonly<{ enrollment: EnrollmentView; created: boolean }>>;
  listEnrollments(actor: Actor): Promise<readonly EnrollmentSummary[]>;
  progress(actor: Actor, trackSlug: string): Promise<TrackProgress>;
  startDiagnostic(actor: Actor, trackSlug: string): Promise<StartResult>;
  /** Marks the assignment opened (and done when the article has no mini-test). */
  openArticle(actor: Actor, articleId: string): Promise<void>;
  /** Undefined when the article is not assigned to the actor. */
  articleState(actor: Actor, articleId: string): Promise<StudentArticleState | undefined>;
  startMinitest(actor: Actor, articleId: string): Promise<StartResult>;
  startLevelExam(actor: Actor, trackSlug: string, stagePosition: number): Promise<StartResult>;
  startRankFinal(actor: Actor, trackSlug: string): Promise<StartResult>;
  /** Admin/owner: `extraTimePercent` 0..200, audited. */
  setExtraTime(
    actor: Actor,
    enrollmentId: string,
    extraTimePercent: number,
    origin: RequestOrigin,
  ): Promise<EnrollmentView>;
  /** Admin/owner: every enrollment, filtered. */
  listForStaff(
    actor: Actor,
    filter: Readonly<{ trackId?: string; status?: EnrollmentStatus; q?: string; limit: number; offset: number }>,
  ): Promise<CappedPage<StaffEnrollmentRow>>;
  /** Public verification; undefined for an unknown code. */
  certificate(code: string): Promise<CertificateView | undefined>;
};

/**
 * Implemented by progress, bound to the approvals transaction: applies a decision to the journey.
 * Approved transition → stage completed, next stage active with the track's current settings and
 * its articles assigned, or enrollment `final` after the last stage. Approved graduation →
 * enrollment `graduated` + certificate (+ `enrollment.graduated` event). Rejected → the stage
 * (or the final) is open again.
 */
export type JourneyDecisions = {
  approved(decision: JourneyDecision): Promise<Readonly<{ certificateCode: string | null }>>;
  rejected(decision: JourneyDecision): Promise<void>;
};

export type JourneyDecision = Readonly<{
  userId: string;
  trackId: string;
  kind: 'stage_transition' | 'graduation';
  stageId: string | null;
  at: Date;
}>;

/** Read side for the approvals dossier (pool). */
export type ProgressReads = {
  mastery(userId: string, trackId: string): Promise<readonly ModuleMastery[]>;
  /** Assignments of a stage, or of every stage when `stageId` is null. */
  assignments(userId: string, trackId: string, stageId: string | null): Promise<readonly AssignmentView[]>;
  enrollment(userId: string, trackId: string): Promise<EnrollmentView | undefined>;
};

/**
 * Implemented by approvals, bound to the progress transaction that records a pass. With
 * `required = false` the request is stored already approved (`automatic`, decided_by null) and
 * the caller applies the approved transition itself in the same transaction. Writes
 * `approval.requested` (staff are emailed) or `approval.decided` (the student is emailed).
 */
export type ApprovalRequests = {
  open(request: OpenApprovalRequest): Promise<Readonly<{ id: string; status: 'pending' | 'approved' }>>;
  /** The latest decided request of the student on this track (for "rejected: <comment>"). */
  lastDecision(
    userId: string,
    trackId: string,
  ): Promise<Readonly<{ status: 'approved' | 'rejected'; comment: string | null; decidedAt: Date }> | undefined>;
};

export type OpenApprovalRequest = Readonly<{
  userId: string;
  trackId: string;
  kind: 'stage_transition' | 'graduation';
  stageId: string | null;
  attemptId: string;
  required: boolean;
  at: Date;
}>;

/** A published article as the assignment rules see it. */
export type StudyArticle = Readonly<{
  id: string;
  slug: string;
  title: string;
  summary: string;
  trackId: string | null;
  moduleId: string | null;
  stageId: string | null;
  /** Order within its stage or module; null = after the numbered ones. */
  position: number | null;
  minitestSize: number;
}>;

/**
 * Implemented by content (pool or a transaction), consumed by progress. Only published articles.
 * Core of a stage = linked to that stage; remedial of a module = linked to the module with no
 * stage or with a stage of a lower position than `beforeStagePosition`.
 */
export type ArticleDirectory = {
  coreArticles(trackId: string, stageId: string): Promise<readonly StudyArticle[]>;
  remedialArticles(trackId: string, moduleId: string, beforeStagePosition: number): Promise<readonly StudyArticle[]>;
  byId(articleId: string): Promise<StudyArticle | undefined>;
};
