export type OneTimeTokenPurpose = 'email_verification' | 'password_reset';

export const ONE_TIME_TOKEN_TTL_HOURS: Record<OneTimeTokenPurpose, number> = {
  email_verification: 48,
  password_reset: 1,
};

export type OneTimeToken = Readonly<{
  userId: string;
  purpose: OneTimeTokenPurpose;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}>;

export function expiryOf(purpose: OneTimeTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + ONE_TIME_TOKEN_TTL_HOURS[purpose] * 3_600_000);
}

/**
 * Usable once, before it expires; a reset token also dies when the password changes after it
 * was issued (by a reset, a change, or anything else).
 */
export function isTokenUsable(token: OneTimeToken, now: Date, passwordChangedAt: Date): boolean {
  if (token.usedAt !== null || token.expiresAt.getTime() <= now.getTime()) return false;
  return token.purpose !== 'password_reset' || token.createdAt.getTime() >= passwordChangedAt.getTime();
}
