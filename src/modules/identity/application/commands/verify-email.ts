import type { RequestOrigin } from '../../domain/audit.ts';
import { InvalidOneTimeTokenError } from '../../domain/errors.ts';
import { isTokenUsable } from '../../domain/one-time-token.ts';
import type { IdentityDeps } from '../deps.ts';

export type VerifyEmailInput = { token: string; origin?: RequestOrigin; now: Date };

/** The emailed link proves the address: the account becomes active (unless it is blocked). */
export function makeVerifyEmail(deps: Pick<IdentityDeps, 'uow' | 'secretTokens'>) {
  return async function verifyEmail(input: VerifyEmailInput): Promise<void> {
    await deps.uow.run(async (tx) => {
      const tokenHash = deps.secretTokens.hash(input.token);
      const token = await tx.oneTimeTokens.lockByHash(tokenHash, 'email_verification');
      const user = token && (await tx.users.lockById(token.userId));
      if (!token || !user || !isTokenUsable(token, input.now, user.passwordChangedAt))
        throw new InvalidOneTimeTokenError();
      await tx.oneTimeTokens.markUsed(tokenHash, input.now);
      if (user.emailVerifiedAt) return;
      await tx.users.markEmailVerified(user.id, input.now);
      await tx.audit.record({
        at: input.now,
        actorId: user.id,
        action: 'user.email_verified',
        subjectId: user.id,
        origin: input.origin ?? null,
      });
    });
  };
}
