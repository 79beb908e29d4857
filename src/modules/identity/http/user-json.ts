import type { User } from '../domain/user.ts';

/** The public view of a user: never the password hash or MFA secrets. */
export function toUserJson(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    role: user.role,
    status: user.status,
    mfaEnabled: user.totpEnabledAt !== null,
    emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
