import { type FieldIssue, ForbiddenError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';

/** Contact requests are read and handled by admins and the owner only. */
export class ContactsForbiddenError extends ForbiddenError {
  constructor() {
    super('contacts.forbidden', 'contact requests are for admins and the owner');
  }
}

export class ContactRequestNotFoundError extends NotFoundError {
  constructor() {
    super('contacts.not_found', 'no such contact request');
  }
}

/** The form as a whole: every failing field at once. */
export class InvalidContactRequestError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('contacts.invalid_input', 'the contact request has invalid fields', { count: issues.length }, issues);
  }
}
