import type { RequestOrigin } from '../../domain/audit.ts';
import { AccountBlockedError, EmailNotVerifiedError, InvalidCredentialsError } from '../../domain/errors.ts';
import { AUTH_LIMITS } from '../../domain/rate-limits.ts';
import { hasMfa, normalizeEmail } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';
import { type IssuedSession, issueSession } from '../issue-session.ts';
import { assertNotThrottled, countFailure, type Throttle } from '../throttle.ts';

export type LogInInput = { email: string; password: string; origin: RequestOrigin; now: Date };
export type LogInResult = IssuedSession | Readonly<{ kind: 'mfa_required'; mfaToken: string }>;

/**
 * Same answer and similar work for an unknown email and a wrong password; whether the account
 * is unverified or blocked is said only after the right password.
 */
export function makeLogIn(deps: IdentityDeps) {
  return async function logIn(input: LogInInput): Promise<LogInResult> {
    const email = normalizeEmail(input.email);
    const throttle = loginThrottle(email, input.origin.ip);
    await assertNotThrottled(deps.limiter, throttle);

    const user = await deps.uow.run((tx) => tx.users.byEmail(email));
    const passwordMatches = user
      ? await deps.hasher.verify(user.passwordHash, input.password)
      : await deps.hasher.verifyDummy(input.password);
    if (!user || !passwordMatches) {
      await deps.uow.run((tx) =>
        tx.audit.record({
          at: input.now,
          actorId: null,
          action: 'auth.login_failed',
          subjectId: user?.id ?? null,
          origin: input.origin,
          details: { email },
        }),
      );
      await countFailure(deps.limiter, throttle);
      throw new InvalidCredentialsError();
    }
    if (user.status === 'pending_verification') throw new EmailNotVerifiedError();
    if (user.status === 'blocked') throw new AccountBlockedError();
    await deps.limiter.reset(throttle[0]!.key);
    if (hasMfa(user)) return { kind: 'mfa_required', mfaToken: await deps.signer.signMfa(user.id, input.now) };
    return deps.uow.run((tx) => issueSession(deps, tx, user, input.origin, input.now));
  };
}

function loginThrottle(email: string, ip: string): Throttle {
  return [
    { key: `login:account-ip:${email}|${ip}`, limit: AUTH_LIMITS.loginFailuresPerAccountAndIp },
    { key: `login:ip:${ip}`, limit: AUTH_LIMITS.loginFailuresPerIp },
  ];
}
