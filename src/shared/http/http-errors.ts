import type { ProblemSpec } from './problem-spec.ts';

/** A transport-level failure (not a domain rule) that already knows its problem. */
export class HttpProblemError extends Error {
  constructor(
    readonly spec: ProblemSpec,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProblemError';
  }
}

export class CsrfError extends HttpProblemError {
  constructor(reason: string) {
    super({ status: 403, code: 'csrf_failed', detail: { key: 'problem.csrf_failed.detail' } }, reason);
  }
}
