import type { AuditLog } from '../../../shared/application/audit.ts';
import type { Clock } from '../../../shared/application/clock.ts';
import type { Outbox } from '../../../shared/application/outbox.ts';
import type { AttemptReads, AttemptStarter } from '../../assessment/index.ts';
import type { CatalogTrackDirectory } from '../../catalog/index.ts';
import type { UserDirectory } from '../../identity/index.ts';
import type { PlannedAssignment } from '../domain/assignment-plan.ts';
import type {
  ApprovalRequests,
  ArticleDirectory,
  AssignmentView,
  CertificateView,
  EnrollmentStatus,
} from './contract.ts';

export type EnrollmentRecord = Readonly<{
  id: string;
  userId: string;
  trackId: string;
  status: EnrollmentStatus;
  extraTimePercent: number;
  enrolledAt: Date;
  graduatedAt: Date | null;
}>;

export type EnrollmentRepository = {
  /** Inserts unless the user is already enrolled; either way returns the row. */
  insertIfAbsent(
    enrollment: Readonly<{ id: string; userId: string; trackId: string; now: Date }>,
  ): Promise<Readonly<{ enrollment: EnrollmentRecord; created: boolean }>>;
  /** The enrollment; starts of the same enrollment wait for each other until the transaction ends. */
  holdForStart(userId: string, trackId: string): Promise<EnrollmentRecord | undefined>;
  lockById(id: string): Promise<EnrollmentRecord | undefined>;
  lockByUserAndTrack(userId: string, trackId: string): Promise<EnrollmentRecord | undefined>;
  markLearning(id: string, now: Date): Promise<void>;
  markFinal(id: string, now: Date): Promise<void>;
  markGraduated(id: string, now: Date): Promise<void>;
  setExtraTime(id: string, extraTimePercent: number, now: Date): Promise<void>;
};

export type StageProgressRecord = Readonly<{
  userId: string;
  stageId: string;
  trackId: string;
  enrollmentId: string;
  settingsVersion: number;
  status: 'active' | 'pending_approval' | 'completed';
  startedAt: Date;
  completedAt: Date | null;
}>;

export type StageProgressRepository = {
  forTrack(userId: string, trackId: string): Promise<readonly StageProgressRecord[]>;
  lock(userId: string, stageId: string): Promise<StageProgressRecord | undefined>;
  start(
    stage: Readonly<{
      userId: string;
      stageId: string;
      enrollmentId: string;
      trackId: string;
      settingsVersion: number;
      now: Date;
    }>,
  ): Promise<void>;
  markPendingApproval(userId: string, stageId: string, now: Date): Promise<void>;
  markCompleted(userId: string, stageId: string, now: Date): Promise<void>;
  reopen(userId: string, stageId: string, now: Date): Promise<void>;
};

export type MasteryCountsRow = Readonly<{ moduleId: string; answered: number; correct: number }>;

export type MasteryRepository = {
  /** Adds the graded answers of one attempt to the counts of each module. */
  record(
    userId: string,
    trackId: string,
    results: readonly Readonly<{ moduleId: string; correct: number; total: number }>[],
    now: Date,
  ): Promise<void>;
  forTrack(userId: string, trackId: string): Promise<readonly MasteryCountsRow[]>;
};

export type AssignmentRecord = Readonly<{
  stageId: string;
  articleId: string;
  openedAt: Date | null;
  doneAt: Date | null;
}>;

export type AssignmentRepository = {
  insert(
    userId: string,
    trackId: string,
    stageId: string,
    rows: readonly PlannedAssignment[],
    now: Date,
  ): Promise<void>;
  /** Articles the student completed in any stage of the track. */
  completedArticleIds(userId: string, trackId: string): Promise<ReadonlySet<string>>;
  forStage(userId: string, stageId: string): Promise<readonly AssignmentRecord[]>;
  /** The assignment of the article in that stage, locked until the transaction ends. */
  lock(userId: string, stageId: string, articleId: string): Promise<AssignmentRecord | undefined>;
  markOpened(userId: string, stageId: string, articleId: string, now: Date, done: boolean): Promise<void>;
  markDone(userId: string, stageId: string, articleId: string, now: Date): Promise<void>;
  /** The article's assignment in the user's active or pending stage, locked; undefined when there is none. */
  lockInOpenStage(userId: string, articleId: string): Promise<OpenStageAssignment | undefined>;
  /** The same without a lock (starting a mini-test must not hold what its finishing takes). */
  inOpenStage(userId: string, articleId: string): Promise<OpenStageAssignment | undefined>;
  /** Whether the article was ever assigned to the user (in any stage). */
  everAssigned(userId: string, articleId: string): Promise<boolean>;
};

export type OpenStageAssignment = AssignmentRecord &
  Readonly<{ trackId: string; stageStatus: 'active' | 'pending_approval'; settingsVersion: number }>;

export type CertificateRepository = {
  insert(
    certificate: Readonly<{
      code: string;
      enrollmentId: string;
      userId: string;
      trackId: string;
      holderName: string;
      trackTitle: string;
      issuedAt: Date;
    }>,
  ): Promise<void>;
};

export type ProgressAuditAction = 'enrollment.extra_time_set';

/** Everything a progress transaction touches, bound to it (the other modules' ports too). */
export type ProgressRepositories = {
  enrollments: EnrollmentRepository;
  stages: StageProgressRepository;
  mastery: MasteryRepository;
  assignments: AssignmentRepository;
  certificates: CertificateRepository;
  tracks: CatalogTrackDirectory;
  articles: ArticleDirectory;
  users: UserDirectory;
  starter: AttemptStarter;
  attempts: AttemptReads;
  approvals: ApprovalRequests;
  audit: AuditLog<ProgressAuditAction>;
  outbox: Outbox;
};

export type ProgressUnitOfWork = { run<T>(work: (repositories: ProgressRepositories) => Promise<T>): Promise<T> };

/** Read side for pages and JSON (pool). */
export type ProgressReadModel = {
  enrollmentsOf(userId: string): Promise<readonly EnrollmentRecord[]>;
  enrollment(userId: string, trackId: string): Promise<EnrollmentRecord | undefined>;
  stagesOf(userId: string, trackId: string): Promise<readonly StageProgressRecord[]>;
  /** The stage rows of many enrollments in one read. */
  stagesOfEnrollments(enrollmentIds: readonly string[]): Promise<readonly StageProgressRecord[]>;
  mastery(userId: string, trackId: string): Promise<readonly MasteryCountsRow[]>;
  /** Assignments with their articles and reasons; of one stage, or of the track when `stageId` is null. */
  assignments(userId: string, trackId: string, stageId: string | null): Promise<readonly AssignmentView[]>;
  /** Assignments of this article to the user, newest stage first. */
  assignmentsOfArticle(
    userId: string,
    articleId: string,
  ): Promise<readonly Readonly<{ trackId: string; stageId: string }>[]>;
  certificateCodes(enrollmentIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  certificate(code: string): Promise<CertificateView | undefined>;
  staffList(
    filter: Readonly<{
      trackId?: string | undefined;
      status?: EnrollmentStatus | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    }>,
  ): Promise<
    Readonly<{
      items: readonly (EnrollmentRecord & Readonly<{ studentName: string; studentEmail: string }>)[];
      total: number;
      totalIsCapped: boolean;
    }>
  >;
};

export type ProgressDeps = Readonly<{
  uow: ProgressUnitOfWork;
  reads: ProgressReadModel;
  tracks: CatalogTrackDirectory;
  articles: ArticleDirectory;
  attempts: AttemptReads;
  clock: Clock;
  newId: () => string;
  newCertificateCode: () => string;
}>;
