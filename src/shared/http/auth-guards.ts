import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';
import type { RequestUser } from './request-context.ts';

class AuthenticationRequiredError extends UnauthenticatedError {
  constructor() {
    super('shared.unauthenticated', 'sign in first: a valid access token is required');
  }
}

class MfaEnrollmentRequiredError extends ForbiddenError {
  constructor() {
    super('shared.mfa_enrollment_required', 'staff accounts must enable two-factor authentication first');
  }
}

/**
 * The signed-in user of a JSON request, or 401. Staff who must still enroll in MFA get 403
 * everywhere except the routes that let them do it (`allowWithoutMfa`).
 */
export function currentUser(request: FastifyRequest, options: { allowWithoutMfa?: boolean } = {}): RequestUser {
  const user = request.user;
  if (!user) throw new AuthenticationRequiredError();
  if (user.mfaEnrollmentRequired && !options.allowWithoutMfa) throw new MfaEnrollmentRequiredError();
  return user;
}

export const MFA_SETUP_PATH = '/profile/mfa';

/**
 * preHandler for pages that need a signed-in user: guests go to the login page (and come back
 * afterwards); staff who must enroll in MFA go to its setup first.
 */
export function pageUserGuard(options: { allowWithoutMfa?: boolean } = {}) {
  return async function requirePageUser(request: FastifyRequest, reply: FastifyReply) {
    const user = request.user;
    if (!user) {
      const returnTo = request.method === 'GET' ? request.url : '/';
      return reply.redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`, 303);
    }
    if (user.mfaEnrollmentRequired && !options.allowWithoutMfa) return reply.redirect(MFA_SETUP_PATH, 303);
    return undefined;
  };
}

/** The user of a page behind `pageUserGuard`. */
export function pageUser(request: FastifyRequest): RequestUser {
  if (!request.user) throw new AuthenticationRequiredError();
  return request.user;
}
