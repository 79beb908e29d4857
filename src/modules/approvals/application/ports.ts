import type { CappedPage } from '../../../shared/application/capped-total.ts';
import type { AuditLog } from '../../../shared/application/audit.ts';
import type { Outbox } from '../../../shared/application/outbox.ts';
import type { AnnulmentConsequences, AttemptAnnulment, AttemptReads } from '../../assessment/index.ts';
import type { ApprovalRequests, JourneyDecisions, ProgressReads } from '../../progress/index.ts';
import type { ApprovalKind, ApprovalStatus, ApprovalView } from './contract.ts';

/** A request as its own row stores it (what a decision needs). */
export type ApprovalRecord = Readonly<{
  id: string;
  userId: string;
  trackId: string;
  kind: ApprovalKind;
  stageId: string | null;
  attemptId: string;
  status: ApprovalStatus;
}>;

export type NewApprovalRecord = Readonly<{
  id: string;
  userId: string;
  trackId: string;
  kind: ApprovalKind;
  stageId: string | null;
  attemptId: string;
  requestedAt: Date;
  /** Approved at once (automatic, nobody decided) or waiting for an admin. */
  automatic: boolean;
}>;

/** Writes of approval requests, bound to one transaction (ours or the caller's). */
export type ApprovalRepository = {
  /** Translates "one pending per student and track" and "one request per attempt" into a 409. */
  insert(record: NewApprovalRecord): Promise<void>;
  /** The request, its row (and its attempt's, taken first) locked until the transaction ends. */
  lockById(id: string): Promise<ApprovalRecord | undefined>;
  lockByAttempt(attemptId: string): Promise<ApprovalRecord | undefined>;
  decide(
    id: string,
    decision: Readonly<{ status: 'approved' | 'rejected'; by: string | null; at: Date; comment: string | null }>,
  ): Promise<void>;
  lastDecision(
    userId: string,
    trackId: string,
  ): Promise<Readonly<{ status: 'approved' | 'rejected'; comment: string | null; decidedAt: Date }> | undefined>;
};

export type ApprovalAuditAction = 'approval.approved' | 'approval.rejected';

/** Everything one transaction of this module touches, ours or another module's port bound to it. */
export type ApprovalsTx = Readonly<{
  requests: ApprovalRepository;
  outbox: Outbox;
  audit: AuditLog<ApprovalAuditAction>;
  decisions: JourneyDecisions;
  annulment: AttemptAnnulment;
}>;

export type ApprovalsUnitOfWork = { run<T>(work: (tx: ApprovalsTx) => Promise<T>): Promise<T> };

export type ApprovalFilter = Readonly<{
  status?: ApprovalStatus | undefined;
  trackId?: string | undefined;
  userId?: string | undefined;
  limit: number;
  offset: number;
}>;

/** The read side (pool): requests with the student, track, stage, score and decider. */
export type ApprovalReads = {
  byId(id: string): Promise<ApprovalView | undefined>;
  /** Pending first (oldest first), then decided (newest decision first). */
  list(filter: ApprovalFilter): Promise<CappedPage<ApprovalView>>;
};

/** Where the dossier's evidence comes from (other modules' read ports, on the pool). */
export type DossierSources = Readonly<{
  attempts: AttemptReads;
  progress: ProgressReads;
}>;

export type ApprovalsDeps = Readonly<{
  uow: ApprovalsUnitOfWork;
  reads: ApprovalReads;
  dossierSources: DossierSources;
  now: () => Date;
}>;

/** Binds the ports other modules call inside their own transactions. */
export type TxPorts = Readonly<{ requests: ApprovalRequests; annulmentConsequences: AnnulmentConsequences }>;

// ── mail ──────────────────────────────────────────────────────────────────────────────────────

export type MailLocale = 'ru' | 'en';
export type MailRecipient = Readonly<{ email: string; displayName: string; locale: MailLocale }>;
export type RenderedMail = Readonly<{ subject: string; text: string; html: string }>;

/** Localized subjects, text and HTML of the journey's emails (implemented by the http layer). */
export type ApprovalMailRenderer = {
  requested(recipient: MailRecipient, request: ApprovalView): RenderedMail;
  decided(recipient: MailRecipient, request: ApprovalView): RenderedMail;
  graduated(
    recipient: MailRecipient,
    graduation: Readonly<{ trackTitle: string; trackSlug: string; certificateCode: string }>,
  ): RenderedMail;
};

/** Who was already mailed for an outbox event: delivery is at least once. */
export type NotificationLog = {
  alreadySent(eventId: string): Promise<ReadonlySet<string>>;
  recordSent(eventId: string, recipient: string, at: Date): Promise<void>;
};

export type MailDirectory = Readonly<{
  /** Active admins and the owner. */
  staff(): Promise<readonly MailRecipient[]>;
  /** A user as a recipient (undefined when the account is gone or blocked). */
  user(userId: string): Promise<MailRecipient | undefined>;
  track(trackId: string): Promise<Readonly<{ slug: string; title: string }> | undefined>;
}>;
