import type { RequestOrigin } from '../../domain/audit.ts';
import { AccountBlockedError, EmailNotVerifiedError, InvalidCredentialsError } from '../../domain/errors.ts';
import { AUTH_LIMITS, MFA_STEP_SECONDS } from '../../domain/rate-limits.ts';
import { hasMfa, normalizeEmail } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';
import { type IssuedSession, issueSession } from '../issue-session.ts';
import { assertNotThrottled, consumeThrottle, countFailure, type Throttle } from '../throttle.ts';

export type LogInInput = { email: string; password: string; origin: RequestOrigin; now: Date };
export type LogInResult = IssuedSession | Readonly<{ kind: 'mfa_required'; mfaToken: string }>;

/**
 * Same answer and similar work for an unknown email and a wrong password; whether the account
 * is unverified or blocked is said only after the right password.
 */
export function makeLogIn(deps: IdentityDeps) {
  return async function logIn(input: LogInInput): Promise<LogInResult> {
    const email = normalizeEmail(input.email);
    const [perAccount, perIp] = loginThrottle(email, input.origin.ip);
    await assertNotThrottled(deps.limiter, [perIp]);
    // The attempt is counted before the password is checked, so parallel guesses cannot all pass a
    // check made before any of them failed; the right password gives the count back (reset).
    await consumeThrottle(deps.limiter, [perAccount]);

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
      await countFailure(deps.limiter, [perIp]);
      throw new InvalidCredentialsError();
    }
    await deps.limiter.reset(perAccount.key);
    if (user.status !== 'active') {
      await deps.uow.run((tx) =>
        tx.audit.record({
          at: input.now,
          actorId: null,
          action: 'auth.login_failed',
          subjectId: user.id,
          origin: input.origin,
          details: { email, reason: user.status },
        }),
      );
      throw user.status === 'blocked' ? new AccountBlockedError() : new EmailNotVerifiedError();
    }
    if (hasMfa(user)) {
      const challengeId = deps.newId();
      const expiresAt = new Date(input.now.getTime() + MFA_STEP_SECONDS * 1000);
      await deps.uow.run((tx) =>
        tx.mfaChallenges.open({ id: challengeId, userId: user.id, now: input.now, expiresAt }),
      );
      return { kind: 'mfa_required', mfaToken: await deps.signer.signMfa(user.id, challengeId, input.now) };
    }
    return deps.uow.run(async (tx) => {
      // The password was checked outside this transaction: a reset, a change, a block or MFA
      // turned on since then wins over this login.
      const current = await tx.users.lockById(user.id);
      if (!current || current.passwordHash !== user.passwordHash || current.status !== 'active' || hasMfa(current)) {
        throw new InvalidCredentialsError();
      }
      return issueSession(deps, tx, current, input.origin, input.now);
    });
  };
}

function loginThrottle(email: string, ip: string): readonly [Throttle[number], Throttle[number]] {
  return [
    { key: `login:account-ip:${email}|${ip}`, limit: AUTH_LIMITS.loginFailuresPerAccountAndIp },
    { key: `login:ip:${ip}`, limit: AUTH_LIMITS.loginFailuresPerIp },
  ];
}
