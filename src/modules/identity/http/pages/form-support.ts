import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TObject, type TOptional, type TString, Type } from 'typebox';
import { DomainError } from '../../../../shared/domain/errors.ts';
import type { Translate } from '../../../../shared/http/i18n/index.ts';
import { safeReturnPath } from '../../../../shared/http/i18n/plugin.ts';
import { problemSpecOf, toProblem } from '../../../../shared/http/problem.ts';

/** A url-encoded page form: every field optional, checked by the handler so the form comes back with its errors. */
export type FormBody = Partial<Record<string, string>>;

const FIELD = Type.Optional(Type.String({ maxLength: 4096 }));

/** A lenient body or query schema: a schema failure would lose the user's input behind a generic 400 page. */
export function formSchema(...fields: string[]): TObject<Record<string, TOptional<TString>>> {
  return Type.Object(Object.fromEntries([...fields, '_csrf'].map((field) => [field, FIELD])));
}

export type FormFailure = { status: number; code: string; message: string };

/**
 * A domain error as a form shows it: its status and localized message (the same mapping as the
 * error handler), with Retry-After on the reply when rate limited. Anything else is rethrown
 * for the error handler.
 */
export function formFailure(error: unknown, request: FastifyRequest, reply: FastifyReply): FormFailure {
  if (!(error instanceof DomainError)) throw error;
  const spec = problemSpecOf(error, request);
  const retryAfter = spec.headers?.['retry-after'];
  if (retryAfter) reply.header('retry-after', retryAfter);
  const problem = toProblem(spec, request);
  return { status: spec.status, code: error.code, message: problem.detail ?? problem.title };
}

// The `email` format of the JSON API's schemas (ajv-formats), so both accept the same addresses.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function emailError(t: Translate, email: string | undefined): string | undefined {
  if (!email) return t('auth.error.emailRequired');
  if (email.length > 254 || !EMAIL.test(email)) return t('auth.error.emailInvalid');
  return undefined;
}

/** Where to go after signing in: a path on this site, `/profile` when none was asked for. */
export function returnPath(value: string | undefined): string {
  return value ? safeReturnPath(value) : '/profile';
}

/** The fields that have an error, or undefined when there are none. */
export function fieldErrors<T extends Record<string, string | undefined>>(errors: T): Partial<T> | undefined {
  const present = Object.entries(errors).filter(([, message]) => message !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as Partial<T>) : undefined;
}
