import type { RequestOrigin } from '../../domain/audit.ts';
import { UserNotFoundError, WrongPasswordError } from '../../domain/errors.ts';
import { assertAcceptablePassword } from '../../domain/password-policy.ts';
import { AUTH_LIMITS } from '../../domain/rate-limits.ts';
import type { IdentityDeps } from '../deps.ts';
import { verifyCurrentPassword } from '../throttle.ts';

export type ChangePasswordInput = {
  actorId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  origin: RequestOrigin;
  now: Date;
};

/** Needs the current password; every other session ends, this one stays. */
export function makeChangePassword(deps: IdentityDeps) {
  return async function changePassword(input: ChangePasswordInput): Promise<void> {
    const user = await deps.uow.run((tx) => tx.users.byId(input.actorId));
    if (!user) throw new UserNotFoundError(input.actorId);
    const matches = await verifyCurrentPassword(
      deps,
      user,
      input.currentPassword,
      AUTH_LIMITS.passwordChecksPerAccount,
    );
    if (!matches) throw new WrongPasswordError();
    assertAcceptablePassword(input.newPassword, deps.commonPasswords.isCommon);
    const passwordHash = await deps.hasher.hash(input.newPassword);

    await deps.uow.run(async (tx) => {
      await tx.users.changePassword(user.id, passwordHash, input.now);
      await tx.oneTimeTokens.invalidateAll(user.id, 'password_reset', input.now);
      const ended = await tx.sessions.revokeAllOfUser(user.id, 'password_changed', input.now, input.sessionId);
      await tx.audit.record({
        at: input.now,
        actorId: user.id,
        action: 'user.password_changed',
        subjectId: user.id,
        origin: input.origin,
        details: { sessionsEnded: ended },
      });
    });
  };
}
