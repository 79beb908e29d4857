/**
 * The four kinds of domain error. Each module subclasses one kind with a stable `code`
 * ('<context>.<snake_case>'); the HTTP layer maps kinds to statuses once, so a new error
 * needs no HTTP change. `params` fill the localized message.
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'forbidden' | 'rule_violation';

export type ErrorParams = Readonly<Record<string, string | number>>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly code: string;
  readonly params: ErrorParams;

  constructor(code: string, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class RuleViolationError extends DomainError {
  readonly kind = 'rule_violation';
}
