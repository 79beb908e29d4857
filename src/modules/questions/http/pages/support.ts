import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError, type FieldIssue } from '../../../../shared/domain/errors.ts';
import { pageUser } from '../../../../shared/http/auth-guards.ts';
import { fieldError, problemSpecOf, toProblem } from '../../../../shared/http/problem.ts';
import type { QuestionActor } from '../../application/contract.ts';
import { assertCanManageQuestions } from '../../domain/access.ts';

export { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';

export const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The signed-in user as the question bank's use cases take it; anyone but staff gets the 403 page. */
export function staffActor(request: FastifyRequest): QuestionActor {
  const user = pageUser(request);
  assertCanManageQuestions(user);
  return { id: user.id, role: user.role };
}

/** preHandler (after `pageUserGuard`): the 403 page for students before any work is done. */
export async function requireStaff(request: FastifyRequest): Promise<void> {
  staffActor(request);
}

export type FormFailure = {
  status: number;
  code: string;
  /** The localized message of the whole error. */
  message: string;
  /** Localized messages by JSON pointer (`/text`, `/options/2`). */
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
    fields[field.path] ??= field.message;
  }
  return { status: spec.status, code: error.code, message: problem.detail ?? problem.title, fields };
}

export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** A form value trimmed, or undefined when empty. */
export function trimmed(value: string | undefined, max = 200): string | undefined {
  const text = value?.trim().slice(0, max);
  return text ? text : undefined;
}
