import type { RequestOrigin } from '../../domain/audit.ts';
import { InvalidRefreshTokenError } from '../../domain/errors.ts';
import { extendedIdleExpiry, isSessionLive } from '../../domain/session.ts';
import type { IdentityDeps } from '../deps.ts';

export type RefreshSessionInput = {
  refreshToken: string;
  origin: RequestOrigin;
  now: Date;
  /**
   * Pages only: a token rotated this recently by a parallel request of the same browser still
   * authenticates (without new tokens) instead of counting as theft.
   */
  graceSeconds?: number;
};

export type RefreshSessionResult =
  | Readonly<{
      kind: 'rotated';
      accessToken: string;
      expiresIn: number;
      refreshToken: string;
      refreshExpiresAt: Date;
      sessionId: string;
      userId: string;
    }>
  | Readonly<{ kind: 'grace'; sessionId: string; userId: string }>;

/** Rotation on every use; presenting a rotated token revokes its whole family. */
export function makeRefreshSession(deps: IdentityDeps) {
  return async function refreshSession(input: RefreshSessionInput): Promise<RefreshSessionResult> {
    const outcome = await deps.uow.run(async (tx) => {
      const record = await tx.sessions.lockRefreshToken(deps.secretTokens.hash(input.refreshToken));
      if (!record || !isSessionLive(record.session, input.now)) return 'invalid' as const;
      const { session } = record;
      if (record.rotatedAt) {
        const age = input.now.getTime() - record.rotatedAt.getTime();
        if (input.graceSeconds && age <= input.graceSeconds * 1000) {
          return { kind: 'grace', sessionId: session.id, userId: session.userId } as const;
        }
        await tx.sessions.revoke(session.id, 'token_reuse', input.now);
        await tx.audit.record({
          at: input.now,
          actorId: null,
          action: 'auth.refresh_reuse_detected',
          subjectId: session.userId,
          origin: input.origin,
          details: { sessionId: session.id },
        });
        return 'invalid' as const;
      }
      const user = await tx.users.byId(session.userId);
      if (user?.status !== 'active') return 'invalid' as const;
      const refreshToken = deps.secretTokens.generate();
      const idleExpiresAt = extendedIdleExpiry(input.now, session.absoluteExpiresAt, deps.sessionLifetime);
      const rotation = {
        sessionId: session.id,
        oldHash: deps.secretTokens.hash(input.refreshToken),
        newHash: deps.secretTokens.hash(refreshToken),
        idleExpiresAt,
        origin: input.origin,
      };
      await tx.sessions.rotate(rotation, input.now);
      const access = await deps.signer.signAccess({ userId: user.id, sessionId: session.id }, input.now);
      return {
        kind: 'rotated',
        accessToken: access.token,
        expiresIn: access.expiresIn,
        refreshToken,
        refreshExpiresAt: idleExpiresAt,
        sessionId: session.id,
        userId: user.id,
      } as const;
    });
    if (outcome === 'invalid') throw new InvalidRefreshTokenError();
    return outcome;
  };
}
