import type { CappedPage } from '../../../shared/application/capped-total.ts';
import type { RequestOrigin } from '../../../shared/domain/audit.ts';
import type { Actor, AttemptReport } from '../../assessment/index.ts';
import type { AssignmentView, EnrollmentView, ModuleMastery } from '../../progress/index.ts';

/**
 * Approval requests, their evidence dossiers and decisions. Students see their own requests;
 * admins and the owner decide (moderators 403). Another student's request is 404. Errors
 * (`approvals.*`): `request_not_found` (404), `already_decided` (409), `comment_required` (422),
 * `forbidden` (403), `attempt_already_approved` (409, from an annulment).
 */
export type ApprovalKind = 'stage_transition' | 'graduation';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export type ApprovalView = Readonly<{
  id: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  student: Readonly<{ id: string; displayName: string; email: string }>;
  track: Readonly<{ id: string; slug: string; title: string }>;
  stage: Readonly<{ id: string; position: number; title: string }> | null;
  attemptId: string;
  /** The triggering attempt's score, percent. */
  score: number;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: Readonly<{ id: string; displayName: string }> | null;
  automatic: boolean;
  comment: string | null;
}>;

export type Dossier = Readonly<{
  request: ApprovalView;
  /** The student's attempts for the stage (level exams) or the final, newest first. */
  attempts: readonly AttemptReport[];
  mastery: readonly ModuleMastery[];
  /** Assignments of the stage (for a graduation: of every stage). */
  articles: readonly AssignmentView[];
  /** Earlier decisions for the same student and track. */
  history: readonly ApprovalView[];
  /** The student's enrollment (status, extra time); null if it is gone. */
  enrollment: EnrollmentView | null;
}>;

export type ApprovalsUseCases = {
  listMine(actor: Actor): Promise<readonly ApprovalView[]>;
  /** One of the actor's own requests (another student's is 404). */
  getMine(actor: Actor, requestId: string): Promise<ApprovalView>;
  list(
    actor: Actor,
    filter: Readonly<{ status?: ApprovalStatus; trackId?: string; limit: number; offset: number }>,
  ): Promise<CappedPage<ApprovalView>>;
  dossier(actor: Actor, requestId: string): Promise<Dossier>;
  /** The request row is locked: of parallel decisions one wins, the others get 409. */
  approve(actor: Actor, requestId: string, comment: string | null, origin: RequestOrigin): Promise<ApprovalView>;
  /** `comment` is required. The triggering attempt is annulled. */
  reject(actor: Actor, requestId: string, comment: string, origin: RequestOrigin): Promise<ApprovalView>;
};
