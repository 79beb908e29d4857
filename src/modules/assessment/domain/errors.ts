import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';

export class AttemptNotFoundError extends NotFoundError {
  constructor() {
    super('assessment.attempt_not_found', 'no such attempt');
  }
}

export class QuestionNotInAttemptError extends NotFoundError {
  constructor() {
    super('assessment.question_not_in_attempt', 'the question is not part of this attempt');
  }
}

export class EnrollmentNotFoundError extends NotFoundError {
  constructor() {
    super('assessment.enrollment_not_found', 'the student is not enrolled in this track');
  }
}

export class AttemptExpiredError extends ConflictError {
  constructor() {
    super('assessment.attempt_expired', 'the time of this attempt is up');
  }
}

export class AttemptFinishedError extends ConflictError {
  constructor() {
    super('assessment.attempt_finished', 'this attempt is already finished');
  }
}

export class AttemptNotFinishedError extends ConflictError {
  constructor() {
    super('assessment.attempt_not_finished', 'only a finished attempt can be annulled');
  }
}

export class AttemptAlreadyAnnulledError extends ConflictError {
  constructor() {
    super('assessment.attempt_already_annulled', 'this attempt is already annulled');
  }
}

export class DiagnosticNotAnnullableError extends ConflictError {
  constructor() {
    super('assessment.diagnostic_not_annullable', 'a diagnostic is taken once and cannot be annulled');
  }
}

export class DiagnosticAlreadyTakenError extends ConflictError {
  constructor() {
    super('assessment.diagnostic_already_taken', 'the diagnostic of this track was already taken');
  }
}

export class AlreadyPassedError extends ConflictError {
  constructor() {
    super('assessment.already_passed', 'this exam is already passed');
  }
}

export class AssessmentForbiddenError extends ForbiddenError {
  constructor() {
    super('assessment.forbidden', 'only admins and the owner annul attempts');
  }
}

export class InvalidSelectionError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('assessment.invalid_selection', 'the selected options are not valid for this question', {}, issues);
  }
}

export class InvalidAnnulReasonError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('assessment.invalid_annul_reason', 'annulling needs a reason of 1 to 2000 characters', {}, issues);
  }
}

export class QuestionBankTooSmallError extends RuleViolationError {
  constructor(moduleTitles: readonly string[], available: number, required: number) {
    super(
      'assessment.question_bank_too_small',
      `the question bank is too small for this attempt (${available} of ${required}; modules: ${moduleTitles.join(', ')})`,
      { modules: moduleTitles.join(', '), available, required },
    );
  }
}

/** A new exam attempt before the cooldown after the last failed one ends (429 with Retry-After). */
export class CooldownError extends RateLimitedError {
  override readonly code = 'assessment.cooldown';

  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds);
    this.message = `the next attempt is possible in ${retryAfterSeconds} s`;
  }
}
