import type { RequestOrigin } from '../../domain/audit.ts';
import type { IdentityDeps } from '../deps.ts';

export type LogOutInput = { userId: string; sessionId: string; origin: RequestOrigin; now: Date };

/**
 * Ends the session a refresh token belongs to: a client whose access token has expired can still
 * sign out without refreshing first. Unknown or ended tokens change nothing.
 */
export function makeLogOutWithRefreshToken(deps: Pick<IdentityDeps, 'uow' | 'secretTokens'>) {
  return async function logOutWithRefreshToken(input: { refreshToken: string; origin: RequestOrigin; now: Date }) {
    await deps.uow.run(async (tx) => {
      const record = await tx.sessions.lockRefreshToken(deps.secretTokens.hash(input.refreshToken));
      if (!record || record.rotatedAt) return;
      const revoked = await tx.sessions.revoke(record.sessionId, 'logout', input.now);
      if (!revoked) return;
      const userId = record.session.userId;
      await tx.audit.record({
        at: input.now,
        actorId: userId,
        action: 'auth.logout',
        subjectId: userId,
        origin: input.origin,
        details: { sessionId: record.sessionId },
      });
    });
  };
}

/** Ends the current session: its refresh token and every access token issued for it. */
export function makeLogOut(deps: Pick<IdentityDeps, 'uow'>) {
  return async function logOut(input: LogOutInput): Promise<void> {
    await deps.uow.run(async (tx) => {
      const revoked = await tx.sessions.revoke(input.sessionId, 'logout', input.now);
      if (!revoked) return;
      await tx.audit.record({
        at: input.now,
        actorId: input.userId,
        action: 'auth.logout',
        subjectId: input.userId,
        origin: input.origin,
        details: { sessionId: input.sessionId },
      });
    });
  };
}
