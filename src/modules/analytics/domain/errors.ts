import { type FieldIssue, ForbiddenError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';

export class AnalyticsForbiddenError extends ForbiddenError {
  constructor() {
    super('analytics.forbidden', 'analytics are for admins and the owner (question statistics also for moderators)');
  }
}

export class AnalyticsTrackNotFoundError extends NotFoundError {
  constructor() {
    super('analytics.track_not_found', 'no such track');
  }
}

export class InvalidThresholdsError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('analytics.invalid_thresholds', 'the flag thresholds are invalid', { count: issues.length }, issues);
  }
}
