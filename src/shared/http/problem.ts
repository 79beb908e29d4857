import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind, type FieldIssue, RateLimitedError } from '../domain/errors.ts';
import { HttpProblemError } from './http-errors.ts';
import { isMessageKey, type MessageKey } from './i18n/index.ts';
import type { ProblemSpec } from './problem-spec.ts';

export type { ProblemSpec };

/** RFC 9457 problem details, as every JSON error of Baza is sent. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { path: string; message: string }[];
  /** Seconds until a retry may succeed (429). */
  retryAfter?: number;
  requestId: string;
};

const KIND_STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  rule_violation: 422,
  invalid_input: 400,
  unauthenticated: 401,
  rate_limited: 429,
};

const STATUS_CODE: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violation',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Turns any thrown value into the problem to send; unknown errors become a generic 500. */
export function problemSpecOf(error: unknown, request: FastifyRequest): ProblemSpec {
  if (error instanceof RateLimitedError) {
    // A subclass may carry its own code (e.g. an exam's cooldown) and message.
    const own = error.code === 'shared.rate_limited' ? undefined : `errors.${error.code}`;
    return {
      status: 429,
      code: own ? (error.code.split('.').at(-1) ?? error.code) : 'rate_limited',
      detail: {
        key: own && isMessageKey(own) ? own : 'problem.rate_limited.detail',
        params: { seconds: error.retryAfterSeconds },
      },
      headers: { 'retry-after': String(error.retryAfterSeconds) },
      retryAfter: error.retryAfterSeconds,
    };
  }
  if (error instanceof DomainError) {
    const code = error.code.split('.').at(-1) ?? error.code;
    const key = `errors.${error.code}`;
    return {
      status: KIND_STATUS[error.kind],
      code,
      detail: isMessageKey(key) ? { key, params: error.params } : error.message,
      ...(error.issues.length > 0
        ? { errors: error.issues.map((issue) => fieldError(error.code, issue, request)) }
        : {}),
      ...(error.kind === 'unauthenticated' ? { headers: { 'www-authenticate': 'Bearer' } } : {}),
    };
  }
  if (error instanceof HttpProblemError) return error.spec;
  // PostgreSQL refuses NUL (and, in some encodings, other characters) in text: the input is bad, not the server.
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (pgCode === '22021' || pgCode === '22P05') {
    return { status: 400, code: 'invalid_characters', detail: { key: 'problem.invalid_characters.detail' } };
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (Array.isArray(fastifyError.validation)) {
    return {
      status: 400,
      code: 'validation_failed',
      detail: { key: 'problem.validation_failed.detail' },
      errors: fastifyError.validation.map((issue) => validationError(issue, fastifyError.validationContext, request)),
    };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_body', detail: { key: 'problem.malformed_body.detail' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        detail: { key: 'problem.payload_too_large.detail', params: { limit: request.routeOptions.bodyLimit ?? 0 } },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        detail: {
          key: 'problem.unsupported_media_type.detail',
          params: { contentType: String(request.headers['content-type'] ?? '').split(';')[0] || '—' },
        },
      };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: STATUS_CODE[status] ?? 'bad_request' };
  }
  return {
    status: 500,
    code: 'internal_error',
    detail: { key: 'problem.internal_error.detail', params: { requestId: request.id } },
  };
}

export function toProblem(spec: ProblemSpec, request: FastifyRequest): Problem {
  const titleKey = `problem.${spec.code}`;
  const problem: Problem = {
    type: spec.status === 500 ? 'about:blank' : `urn:baza:problem:${spec.code}`,
    title: request.t(isMessageKey(titleKey) ? titleKey : fallbackTitle(spec.status)),
    status: spec.status,
    code: spec.code,
    requestId: request.id,
  };
  if (spec.detail !== undefined) {
    problem.detail = typeof spec.detail === 'string' ? spec.detail : request.t(spec.detail.key, spec.detail.params);
  }
  if (spec.errors) problem.errors = spec.errors;
  if (spec.retryAfter !== undefined) problem.retryAfter = spec.retryAfter;
  return problem;
}

export function sendProblem(reply: FastifyReply, spec: ProblemSpec): FastifyReply {
  if (spec.headers) reply.headers(spec.headers);
  return reply.status(spec.status).type('application/problem+json; charset=utf-8').send(toProblem(spec, reply.request));
}

function fallbackTitle(status: number): MessageKey {
  const code = STATUS_CODE[status];
  const key = code ? `problem.${code}` : '';
  if (isMessageKey(key)) return key;
  return status >= 500 ? 'problem.internal_error' : 'problem.bad_request';
}

/** A domain error's failing field, localized (see `FieldIssue`). */
export function fieldError(errorCode: string, issue: FieldIssue, request: FastifyRequest) {
  const specific = `errors.${errorCode}.${issue.code}`;
  const generic = `issue.${issue.code}`;
  const key = isMessageKey(specific) ? specific : isMessageKey(generic) ? generic : undefined;
  return { path: issue.path, message: key ? request.t(key, issue.params ?? {}) : issue.code };
}

type ValidationIssue = {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

function validationError(issue: ValidationIssue, context: string | undefined, request: FastifyRequest) {
  const params = issue.params ?? {};
  const child = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const base = issue.instancePath ?? '';
  const path = child === undefined ? base || '/' : `${base}/${child}`;
  const key = `validation.${issue.keyword ?? 'invalid'}`;
  const message = request.t(isMessageKey(key) ? key : 'validation.invalid', {
    limit: scalar(params.limit),
    type: scalar(params.type),
    format: scalar(params.format),
  });
  return { path: context && context !== 'body' ? `/${context}${path === '/' ? '' : path}` : path, message };
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
