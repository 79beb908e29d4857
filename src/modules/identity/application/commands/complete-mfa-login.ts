import type { RequestOrigin } from '../../domain/audit.ts';
import { AccountBlockedError, InvalidMfaCodeError, InvalidMfaTokenError } from '../../domain/errors.ts';
import { AUTH_LIMITS } from '../../domain/rate-limits.ts';
import type { IdentityDeps } from '../deps.ts';
import { type IssuedSession, issueSession } from '../issue-session.ts';
import { assertNotThrottled, consumeThrottle, countFailure, type Throttle } from '../throttle.ts';
import { checkSecondFactor } from '../second-factor.ts';

export type CompleteMfaLoginInput = { mfaToken: string; code: string; origin: RequestOrigin; now: Date };

/** The second step of a login: a TOTP code (each accepted once) or a single-use recovery code. */
export function makeCompleteMfaLogin(deps: IdentityDeps) {
  return async function completeMfaLogin(input: CompleteMfaLoginInput): Promise<IssuedSession> {
    const step = await deps.signer.verifyMfa(input.mfaToken, input.now);
    if (!step) throw new InvalidMfaTokenError();
    const perAccount: Throttle[number] = {
      key: `mfa:account-ip:${step.userId}|${input.origin.ip}`,
      limit: AUTH_LIMITS.mfaFailuresPerAccountAndIp,
    };
    const perIp: Throttle[number] = { key: `login:ip:${input.origin.ip}`, limit: AUTH_LIMITS.loginFailuresPerIp };
    // Only someone with the password reaches this step, so a ceiling per account from any address
    // (against guessing codes from many addresses) cannot be used to lock out an innocent user.
    const anyIp: Throttle[number] = { key: `mfa:account:${step.userId}`, limit: AUTH_LIMITS.mfaFailuresPerAccount };
    await assertNotThrottled(deps.limiter, [perIp, anyIp]);
    // Counted before the code is checked, so parallel guesses cannot all pass a check made before
    // any of them failed; a right code gives the count back (reset).
    await consumeThrottle(deps.limiter, [perAccount]);

    const outcome = await deps.uow.run(async (tx) => {
      const user = await tx.users.lockById(step.userId);
      // A password change after the first step ends it, as does turning MFA off.
      if (!user || !user.totpSecret || wholeSeconds(user.passwordChangedAt) > step.issuedAt.getTime()) {
        throw new InvalidMfaTokenError();
      }
      // A step token works once: a successful second step uses its challenge up.
      if (!(await tx.mfaChallenges.lockUsable(step.challengeId, user.id, input.now))) throw new InvalidMfaTokenError();
      if (user.status !== 'active') throw new AccountBlockedError();
      const factor = await checkSecondFactor(deps, tx, user, input.code, input.now);
      if (factor === 'wrong') {
        await tx.audit.record({
          at: input.now,
          actorId: user.id,
          action: 'auth.mfa_failed',
          subjectId: user.id,
          origin: input.origin,
        });
        return undefined;
      }
      if (factor === 'recovery_code') {
        await tx.audit.record({
          at: input.now,
          actorId: user.id,
          action: 'auth.recovery_code_used',
          subjectId: user.id,
          origin: input.origin,
        });
      }
      await tx.mfaChallenges.markUsed(step.challengeId, input.now);
      return issueSession(deps, tx, user, input.origin, input.now);
    });
    if (!outcome) {
      await countFailure(deps.limiter, [perIp, anyIp]);
      throw new InvalidMfaCodeError();
    }
    await deps.limiter.reset(perAccount.key);
    return outcome;
  };
}

/** JWT times are whole seconds: compare at that precision. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
