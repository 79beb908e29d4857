import type { RequestOrigin } from '../../domain/audit.ts';
import { InvalidOneTimeTokenError } from '../../domain/errors.ts';
import { isTokenUsable } from '../../domain/one-time-token.ts';
import { assertAcceptablePassword } from '../../domain/password-policy.ts';
import type { IdentityDeps } from '../deps.ts';

export type ResetPasswordInput = { token: string; newPassword: string; origin: RequestOrigin; now: Date };

/**
 * Completes a reset from the emailed link: single use, 1 h, dead once the password changed;
 * ends every session. The link also proves the address, so an unverified account is verified.
 */
export function makeResetPassword(deps: IdentityDeps) {
  return async function resetPassword(input: ResetPasswordInput): Promise<void> {
    const tokenHash = deps.secretTokens.hash(input.token);
    const usable = await deps.uow.run(async (tx) => {
      const token = await tx.oneTimeTokens.lockByHash(tokenHash, 'password_reset');
      const user = token && (await tx.users.byId(token.userId));
      return Boolean(token && user && isTokenUsable(token, input.now, user.passwordChangedAt));
    });
    if (!usable) throw new InvalidOneTimeTokenError();
    assertAcceptablePassword(input.newPassword, deps.commonPasswords.isCommon);
    const passwordHash = await deps.hasher.hash(input.newPassword);

    await deps.uow.run(async (tx) => {
      // Checked again under the lock: a parallel reset with the same link may have won.
      const token = await tx.oneTimeTokens.lockByHash(tokenHash, 'password_reset');
      const user = token && (await tx.users.lockById(token.userId));
      if (!token || !user || !isTokenUsable(token, input.now, user.passwordChangedAt))
        throw new InvalidOneTimeTokenError();
      await tx.oneTimeTokens.markUsed(tokenHash, input.now);
      await tx.users.changePassword(user.id, passwordHash, input.now);
      await tx.oneTimeTokens.invalidateAll(user.id, 'password_reset', input.now);
      if (user.status === 'pending_verification') await tx.users.markEmailVerified(user.id, input.now);
      const ended = await tx.sessions.revokeAllOfUser(user.id, 'password_reset', input.now);
      await tx.audit.record({
        at: input.now,
        actorId: user.id,
        action: 'user.password_reset',
        subjectId: user.id,
        origin: input.origin,
        details: { sessionsEnded: ended },
      });
    });
  };
}
