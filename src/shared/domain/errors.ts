/**
 * The four kinds of domain error. Each module subclasses one kind with a stable `code`
 * ('<context>.<snake_case>'); the HTTP layer maps kinds to statuses once, so a new error
 * needs no HTTP change. `params` fill the localized message.
 */
export type DomainErrorKind =
  'not_found' | 'conflict' | 'forbidden' | 'rule_violation' | 'invalid_input' | 'unauthenticated' | 'rate_limited';

export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * One failing field of an input checked as a whole: a JSON pointer into the input, a stable
 * code and its values. The HTTP layer localizes it with `errors.<error code>.<issue code>`, or
 * else `issue.<issue code>`, and sends them all in the problem's `errors`.
 */
export type FieldIssue = Readonly<{ path: string; code: string; params?: ErrorParams | undefined }>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly code: string;
  readonly params: ErrorParams;
  readonly issues: readonly FieldIssue[];

  constructor(code: string, message: string, params: ErrorParams = {}, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
    this.issues = issues;
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

/** Input that can never succeed as sent (a malformed or unknown one-time token). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid_input';
}

/** Who is asking is unknown or not proven (bad credentials, a dead token). */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends DomainError {
  readonly kind = 'rate_limited';

  constructor(readonly retryAfterSeconds: number) {
    super('shared.rate_limited', `too many attempts, retry after ${retryAfterSeconds} s`, {
      seconds: retryAfterSeconds,
    });
  }
}
