import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldIssue } from '../domain/errors.ts';
import { fieldError, problemSpecOf, toProblem } from './problem.ts';

export type FormFailure = {
  status: number;
  code: string;
  /** The localized message of the whole error. */
  message: string;
  /** Localized messages by JSON pointer (`/title`, `/options/2`); several on one field are joined. */
  fields: Readonly<Record<string, string>>;
};

/**
 * A domain error as a form shows it: status, localized message and every field's message (the
 * same mapping as the error handler; `remap` may move an issue to the form's own field first).
 * Anything else is rethrown for the error handler.
 */
export function formFailure(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  remap: (issue: FieldIssue) => FieldIssue = (issue) => issue,
): FormFailure {
  if (!(error instanceof DomainError)) throw error;
  const spec = problemSpecOf(error, request);
  const retryAfter = spec.headers?.['retry-after'];
  if (retryAfter) reply.header('retry-after', retryAfter);
  const problem = toProblem(spec, request);
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = fieldError(error.code, remap(issue), request);
    fields[field.path] = fields[field.path] ? `${fields[field.path]} ${field.message}` : field.message;
  }
  return { status: spec.status, code: error.code, message: problem.detail ?? problem.title, fields };
}
