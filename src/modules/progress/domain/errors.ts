import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';

export class TrackNotFoundError extends NotFoundError {
  constructor() {
    super('progress.track_not_found', 'no such published track');
  }
}

export class NotEnrolledError extends NotFoundError {
  constructor() {
    super('progress.not_enrolled', 'you are not enrolled in this track');
  }
}

export class EnrollmentNotFoundError extends NotFoundError {
  constructor() {
    super('progress.enrollment_not_found', 'no such enrollment');
  }
}

export class StageNotFoundError extends NotFoundError {
  constructor() {
    super('progress.stage_not_found', 'the track has no stage at this position');
  }
}

export class ArticleNotAssignedError extends NotFoundError {
  constructor() {
    super('progress.article_not_assigned', 'this article is not assigned to you');
  }
}

export class DiagnosticRequiredError extends ConflictError {
  constructor() {
    super('progress.diagnostic_required', 'take the diagnostic first');
  }
}

export class StageNotActiveError extends ConflictError {
  constructor(position: number) {
    super('progress.stage_not_active', `stage ${position} is not your active stage`, { position });
  }
}

export class ArticlesNotDoneError extends ConflictError {
  constructor(remaining: number) {
    super('progress.articles_not_done', `${remaining} assigned articles are not done yet`, { remaining });
  }
}

export class StagesNotCompletedError extends ConflictError {
  constructor() {
    super('progress.stages_not_completed', 'complete every stage before the rank final');
  }
}

export class NoMinitestError extends ConflictError {
  constructor() {
    super('progress.no_minitest', 'this article has no mini-test');
  }
}

export class ProgressForbiddenError extends ForbiddenError {
  constructor() {
    super('progress.forbidden', 'only admins and the owner manage enrollments');
  }
}

export class ExtraTimeOutOfRangeError extends RuleViolationError {
  constructor() {
    super('progress.extra_time_out_of_range', 'extra time is 0 to 200 percent');
  }
}

export class CertificateNotFoundError extends NotFoundError {
  constructor() {
    super('progress.certificate_not_found', 'no certificate has this code');
  }
}
