import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';
import { MAX_COMMENT_LENGTH } from './decision.ts';

/** Approval requests are decided by admins and the owner; moderators and students are refused. */
export class ApprovalsForbiddenError extends ForbiddenError {
  constructor() {
    super('approvals.forbidden', 'approval requests are decided by admins and the owner');
  }
}

/** Also another student's request: ids cannot be probed. */
export class ApprovalNotFoundError extends NotFoundError {
  constructor() {
    super('approvals.request_not_found', 'no such approval request');
  }
}

export class AlreadyDecidedError extends ConflictError {
  constructor() {
    super('approvals.already_decided', 'the approval request has already been decided');
  }
}

/** Another request of the student on the track is still waiting (one pending per user and track). */
export class AlreadyRequestedError extends ConflictError {
  constructor() {
    super('approvals.already_requested', 'an approval request of this student on this track is already pending');
  }
}

export class CommentRequiredError extends RuleViolationError {
  constructor() {
    super('approvals.comment_required', 'a rejection needs a comment for the student', {}, [
      { path: '/comment', code: 'required' },
    ]);
  }
}

export class CommentTooLongError extends RuleViolationError {
  constructor() {
    super(
      'approvals.comment_too_long',
      `a comment has at most ${MAX_COMMENT_LENGTH} characters`,
      {
        max: MAX_COMMENT_LENGTH,
      },
      [{ path: '/comment', code: 'too_long', params: { max: MAX_COMMENT_LENGTH } }],
    );
  }
}

/** An annulment cannot undo a promotion an admin has already approved. */
export class AttemptAlreadyApprovedError extends ConflictError {
  constructor() {
    super('approvals.attempt_already_approved', 'the attempt earned an approval that was already granted');
  }
}
