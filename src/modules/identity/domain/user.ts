import { InvalidDisplayNameError } from './errors.ts';

export const ROLES = ['student', 'moderator', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['pending_verification', 'active', 'blocked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const USER_LOCALES = ['ru', 'en'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

export type User = Readonly<{
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: UserLocale;
  role: Role;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  passwordChangedAt: Date;
  /** Sealed (encrypted) TOTP secret once MFA is confirmed. */
  totpSecret: string | null;
  /** Sealed secret of an enrollment not yet confirmed with a code. */
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totpLastStep: number | null;
  createdAt: Date;
}>;

/** Emails compare case-insensitively: stored trimmed and lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** 1–100 visible characters on one line: no control or format characters (they forge layouts). */
export function normalizeDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || [...trimmed].length > 100 || /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(trimmed)) {
    throw new InvalidDisplayNameError();
  }
  return trimmed;
}

export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'owner';
}

export function hasMfa(user: Pick<User, 'totpEnabledAt'>): boolean {
  return user.totpEnabledAt !== null;
}

/** What a user returns to when unblocked: active only with a verified email. */
export function unblockedStatus(user: Pick<User, 'emailVerifiedAt'>): UserStatus {
  return user.emailVerifiedAt ? 'active' : 'pending_verification';
}
