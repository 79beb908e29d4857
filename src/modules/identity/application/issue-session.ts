import type { RequestOrigin } from '../domain/audit.ts';
import { newSessionExpiry } from '../domain/session.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './deps.ts';
import type { IdentityRepositories } from './ports.ts';

export type IssuedSession = Readonly<{
  kind: 'session';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
  user: User;
}>;

/** Opens a session (a new refresh-token family) inside the caller's transaction. */
export async function issueSession(
  deps: Pick<IdentityDeps, 'secretTokens' | 'signer' | 'newId' | 'sessionLifetime'>,
  tx: IdentityRepositories,
  user: User,
  origin: RequestOrigin,
  now: Date,
): Promise<IssuedSession> {
  const sessionId = deps.newId();
  const refreshToken = deps.secretTokens.generate();
  const expiry = newSessionExpiry(now, deps.sessionLifetime);
  await tx.sessions.create(
    {
      id: sessionId,
      userId: user.id,
      now,
      ...expiry,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
    },
    deps.secretTokens.hash(refreshToken),
  );
  await tx.audit.record({ at: now, actorId: user.id, action: 'auth.login_succeeded', subjectId: user.id, origin });
  const access = await deps.signer.signAccess({ userId: user.id, sessionId }, now);
  return {
    kind: 'session',
    accessToken: access.token,
    expiresIn: access.expiresIn,
    refreshToken,
    refreshExpiresAt: expiry.idleExpiresAt,
    sessionId,
    user,
  };
}
