import { InvalidAccessTokenError } from '../../domain/errors.ts';
import type { IdentityDeps } from '../deps.ts';
import type { Principal } from '../reads.ts';

/**
 * A bearer (or cookie) access token → the user, checked against the live session on every
 * request: logout, a password change, blocking or a revoked session end it at once.
 */
export function makeAuthenticate(deps: Pick<IdentityDeps, 'signer' | 'reads'>) {
  return async function authenticate(input: { accessToken: string; now: Date }): Promise<Principal> {
    const claims = await deps.signer.verifyAccess(input.accessToken, input.now);
    const principal = claims && (await deps.reads.principal(claims.sessionId, claims.userId, input.now));
    if (!principal) throw new InvalidAccessTokenError();
    return principal;
  };
}

/** Staff must enroll in MFA before anything else when the deployment requires it. */
export function needsMfaEnrollment(principal: Principal, mfaRequiredForStaff: boolean): boolean {
  return mfaRequiredForStaff && (principal.role === 'admin' || principal.role === 'owner') && !principal.mfaEnabled;
}

/** A session known to be live (a page request inside the refresh grace period). */
export function makeAuthenticateSession(deps: Pick<IdentityDeps, 'reads'>) {
  return async function authenticateSession(input: {
    sessionId: string;
    userId: string;
    now: Date;
  }): Promise<Principal> {
    const principal = await deps.reads.principal(input.sessionId, input.userId, input.now);
    if (!principal) throw new InvalidAccessTokenError();
    return principal;
  };
}
