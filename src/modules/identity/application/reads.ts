import type { AuditAction } from '../domain/audit.ts';
import type { Role, User, UserLocale, UserStatus } from '../domain/user.ts';

/** The authenticated user of a request, resolved from a live session on every request. */
export type Principal = Readonly<{
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  locale: UserLocale;
  role: Role;
  mfaEnabled: boolean;
  avatarUrl: string | null;
}>;

export type Profile = Readonly<{
  id: string;
  email: string;
  displayName: string;
  locale: UserLocale;
  role: Role;
  status: UserStatus;
  mfaEnabled: boolean;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** The avatar's download address (the files module's), or null; read with the profile only. */
  avatarUrl?: string | null;
}>;

/** The profile view of a user entity (e.g. the one a login returns). */
export function profileOf(user: User): Profile {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    role: user.role,
    status: user.status,
    mfaEnabled: user.totpEnabledAt !== null,
    emailVerifiedAt: user.emailVerifiedAt,
    createdAt: user.createdAt,
  };
}

export type SessionView = Readonly<{
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}>;

export type UserListItem = Profile;

export type UserFilter = Readonly<{
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  limit: number;
  offset: number;
}>;

export type AuditEventView = Readonly<{
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  subjectId: string | null;
  subjectEmail: string | null;
  ip: string | null;
  requestId: string | null;
  details: Readonly<Record<string, unknown>>;
}>;

export type AuditFilter = Readonly<{
  actorId?: string | undefined;
  subjectId?: string | undefined;
  action?: AuditAction | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}>;

export type Page<T> = Readonly<{ items: readonly T[]; total: number }>;

/** Reads for views: exactly the columns they show, no entity hydration. */
export type IdentityReads = {
  principal(sessionId: string, userId: string, now: Date): Promise<Principal | undefined>;
  profile(userId: string): Promise<Profile | undefined>;
  liveSessions(userId: string, now: Date): Promise<readonly SessionView[]>;
  users(filter: UserFilter): Promise<Page<UserListItem>>;
  auditEvents(filter: AuditFilter): Promise<Page<AuditEventView>>;
};
