import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError, NotFoundError } from '../../../../shared/domain/errors.ts';
import { pageUser } from '../../../../shared/http/auth-guards.ts';
import type { MessageKey } from '../../../../shared/http/i18n/index.ts';
import type { Actor } from '../../../assessment/index.ts';

export const SLUG_PARAMS = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
export const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const STAGE_PARAMS = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
  position: Type.Integer({ minimum: 1, maximum: 10_000 }),
});
export const ANSWER_PARAMS = Type.Object({
  id: Type.String({ format: 'uuid' }),
  questionId: Type.String({ format: 'uuid' }),
});
export const CODE_PARAMS = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) });

/** An answers form: `q-<question id>` once per ticked option (repeated for checkboxes), plus markers. */
export const ANSWERS_BODY = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([Type.String({ maxLength: 1000 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })]),
  { maxProperties: 500 },
);
export type AnswersBody = Partial<Record<string, string | string[]>>;

/** The signed-in student of a page behind `pageUserGuard`. */
export function studentOf(request: FastifyRequest): Actor {
  const user = pageUser(request);
  return { id: user.id, role: user.role };
}

export const trackPath = (slug: string) => `/learn/${encodeURIComponent(slug)}`;
export const attemptPath = (id: string) => `/learn/attempts/${id}`;

export class CertificateNotFoundError extends NotFoundError {
  constructor() {
    super('progress.certificate_not_found', 'no certificate has this code');
  }
}

export class ArticleNotAssignedPageError extends NotFoundError {
  constructor() {
    super('progress.article_not_assigned', 'this article is not assigned to you');
  }
}

const START_FLASHES: Readonly<Record<string, MessageKey>> = {
  'progress.diagnostic_required': 'learn.flash.diagnosticRequired',
  'progress.stage_not_active': 'learn.flash.stageNotActive',
  'progress.articles_not_done': 'learn.flash.articlesNotDone',
  'progress.stages_not_completed': 'learn.flash.stagesNotCompleted',
  'progress.no_minitest': 'learn.flash.noMinitest',
  'assessment.diagnostic_already_taken': 'learn.flash.diagnosticTaken',
  'assessment.already_passed': 'learn.flash.alreadyPassed',
  'assessment.cooldown': 'learn.flash.cooldown',
  'assessment.question_bank_too_small': 'learn.flash.bankTooSmall',
};

/**
 * Why an attempt could not start, as a flash for the page the student comes back to (409, 422,
 * 429: the journey's rules); anything else (404, 403, bugs) goes to the error handler.
 */
export function startRefusal(error: unknown): MessageKey {
  if (
    error instanceof DomainError &&
    (error.kind === 'conflict' || error.kind === 'rule_violation' || error.kind === 'rate_limited')
  ) {
    return START_FLASHES[error.code] ?? 'learn.flash.cannotStart';
  }
  throw error;
}

export function hasCode(error: unknown, code: string): error is DomainError {
  return error instanceof DomainError && error.code === code;
}

/** The option indexes a form posted for one question; undefined when one is not an index. */
export function selectionOf(value: string | string[] | undefined): number[] | undefined {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const indexes: number[] = [];
  for (const text of values) {
    if (!/^\d{1,3}$/.test(text)) return undefined;
    indexes.push(Number(text));
  }
  return [...new Set(indexes)].sort((a, b) => a - b);
}
