import { Type } from 'typebox';
import type { Profile, SessionView } from '../application/reads.ts';
import { AUDIT_ACTIONS } from '../domain/audit.ts';
import { ROLES, USER_LOCALES, USER_STATUSES } from '../domain/user.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

export const Email = Type.String({ format: 'email', maxLength: 254 });
/** Length rules (8–128 characters) are the password policy's: a 422 with a clear message, not a 400. */
export const Password = Type.String({ maxLength: 1024 });
export const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const Locale = literals(USER_LOCALES);
export const Role = literals(ROLES);
export const Status = literals(USER_STATUSES);
export const OneTimeToken = Type.String({ minLength: 1, maxLength: 256 });

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  role: Role,
  status: Status,
  mfaEnabled: Type.Boolean(),
  emailVerifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  avatarUrl: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'null when there is none' })),
});

export const SessionTokens = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
  refreshToken: Type.String(),
  user: UserSchema,
});

export const MfaChallenge = Type.Object({
  mfaRequired: Type.Literal(true),
  mfaToken: Type.String({ description: 'send it with a code to POST /auth/login/mfa within 5 minutes' }),
});

export const RefreshedTokens = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer(),
  refreshToken: Type.String(),
});

export const SessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  current: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

export const AuditEventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: literals(AUDIT_ACTIONS),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectEmail: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

export const Empty = Type.Null({ description: 'no content' });
export const Accepted = Type.Object({ status: Type.Literal('accepted') });

export function userJson(profile: Profile) {
  return {
    ...profile,
    emailVerifiedAt: profile.emailVerifiedAt?.toISOString() ?? null,
    createdAt: profile.createdAt.toISOString(),
  };
}

export function sessionJson(session: SessionView, currentId: string) {
  return {
    ...session,
    current: session.id === currentId,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}
