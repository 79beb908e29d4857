import type { RequestOrigin } from '../../domain/audit.ts';
import { SessionNotFoundError } from '../../domain/errors.ts';
import type { IdentityDeps } from '../deps.ts';

export type RevokeSessionInput = { actorId: string; sessionId: string; origin: RequestOrigin; now: Date };

/** A user ends one of their own sessions (another device); someone else's is "not found". */
export function makeRevokeSession(deps: Pick<IdentityDeps, 'uow'>) {
  return async function revokeSession(input: RevokeSessionInput): Promise<void> {
    await deps.uow.run(async (tx) => {
      const session = await tx.sessions.byIdForUser(input.sessionId, input.actorId);
      if (!session || session.revokedAt) throw new SessionNotFoundError(input.sessionId);
      await tx.sessions.revoke(session.id, 'user_revoked', input.now);
      await tx.audit.record({
        at: input.now,
        actorId: input.actorId,
        action: 'session.revoked',
        subjectId: input.actorId,
        origin: input.origin,
        details: { sessionId: session.id },
      });
    });
  };
}
