import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../../shared/domain/errors.ts';
import type { FormBody } from '../../../../shared/http/page-forms.ts';
import { problemSpecOf, toProblem } from '../../../../shared/http/problem.ts';

export { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';

/** Which form of a page a problem belongs to, what it says and the input to show again. */
export type FormProblem = Readonly<{
  target: string;
  status: number;
  message: string;
  /** Messages by field name (`title`, `levelExam.passPercent`, …). */
  fields: Readonly<Record<string, string>>;
  values: FormBody;
}>;

const SLUG_CONFLICTS = new Set(['catalog.slug_taken', 'catalog.module_slug_taken']);

/**
 * Runs a form's use case: undefined when it succeeded, or the refusal (422 / 409) as the form
 * shows it, localized like the API's problems. Anything else (403, 404, a crash) goes to the
 * error handler.
 */
export async function attempt(
  request: FastifyRequest,
  target: string,
  values: FormBody,
  action: () => Promise<unknown>,
): Promise<FormProblem | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError) || (error.kind !== 'rule_violation' && error.kind !== 'conflict')) throw error;
    const spec = problemSpecOf(error, request);
    const problem = toProblem(spec, request);
    const message = problem.detail ?? problem.title;
    const fields = Object.fromEntries((spec.errors ?? []).map((issue) => [fieldName(issue.path), issue.message]));
    if (SLUG_CONFLICTS.has(error.code)) fields.slug = message;
    return { target, status: spec.status, message, fields, values };
  }
}

/** `/title` → `title`, `/params/levelExam/passPercent` → `levelExam.passPercent`. */
function fieldName(path: string): string {
  return path
    .replace(/^\/params\//, '')
    .replace(/^\//, '')
    .replaceAll('/', '.');
}

/** A whole number from a form field, or undefined. */
export function integerOf(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? '';
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}
