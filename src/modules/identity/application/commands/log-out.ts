import type { RequestOrigin } from '../../domain/audit.ts';
import type { IdentityDeps } from '../deps.ts';

export type LogOutInput = { userId: string; sessionId: string; origin: RequestOrigin; now: Date };

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
