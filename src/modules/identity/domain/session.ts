export type RevocationReason =
  'logout' | 'user_revoked' | 'password_changed' | 'password_reset' | 'blocked' | 'token_reuse';

export type Session = Readonly<{
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}>;

export type SessionLifetime = Readonly<{ idleTimeoutHours: number; absoluteLifetimeHours: number }>;

const HOUR_MS = 3_600_000;

/** A new session's deadlines: idle from now, absolute from creation. */
export function newSessionExpiry(now: Date, lifetime: SessionLifetime) {
  const absoluteExpiresAt = new Date(now.getTime() + lifetime.absoluteLifetimeHours * HOUR_MS);
  return { absoluteExpiresAt, idleExpiresAt: extendedIdleExpiry(now, absoluteExpiresAt, lifetime) };
}

/** Each use moves the idle deadline, never past the absolute one. */
export function extendedIdleExpiry(now: Date, absoluteExpiresAt: Date, lifetime: SessionLifetime): Date {
  const idle = now.getTime() + lifetime.idleTimeoutHours * HOUR_MS;
  return new Date(Math.min(idle, absoluteExpiresAt.getTime()));
}

export function isSessionLive(session: Session, now: Date): boolean {
  const time = now.getTime();
  return (
    session.revokedAt === null && session.idleExpiresAt.getTime() > time && session.absoluteExpiresAt.getTime() > time
  );
}
