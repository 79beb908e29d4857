import type { AuditLog as SharedAuditLog } from '../../../shared/application/audit.ts';
import type { Outbox } from '../../../shared/application/outbox.ts';
import type { RateLimiter } from '../../../shared/application/rate-limiter.ts';
import type { UnitOfWork } from '../../../shared/application/unit-of-work.ts';
import type { AuditAction, RequestOrigin } from '../domain/audit.ts';
import type { OneTimeToken, OneTimeTokenPurpose } from '../domain/one-time-token.ts';
import type { RevocationReason, Session } from '../domain/session.ts';
import type { Role, User, UserLocale, UserStatus } from '../domain/user.ts';

export type NewUser = Readonly<{
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: UserLocale;
  role: Role;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  now: Date;
}>;

export type UserRepository = {
  byId(id: string): Promise<User | undefined>;
  byEmail(email: string): Promise<User | undefined>;
  lockById(id: string): Promise<User | undefined>;
  ownerExists(): Promise<boolean>;
  owner(): Promise<User | undefined>;
  /** Inserts the user unless the email is taken (then undefined); a second owner is OwnerExistsError. */
  createIfAbsent(user: NewUser): Promise<User | undefined>;
  markEmailVerified(id: string, now: Date): Promise<void>;
  changePassword(id: string, passwordHash: string, now: Date): Promise<void>;
  updateProfile(id: string, profile: Readonly<{ displayName?: string; locale?: UserLocale }>, now: Date): Promise<void>;
  changeRole(id: string, role: Role, now: Date): Promise<void>;
  changeStatus(id: string, status: UserStatus, now: Date): Promise<void>;
  startTotpEnrollment(id: string, sealedSecret: string, now: Date): Promise<void>;
  enableTotp(id: string, sealedSecret: string, step: number, now: Date): Promise<void>;
  recordTotpStep(id: string, step: number): Promise<void>;
  disableTotp(id: string, now: Date): Promise<void>;
};

export type NewSession = Readonly<{
  id: string;
  userId: string;
  now: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}>;

export type RefreshTokenRecord = Readonly<{ sessionId: string; rotatedAt: Date | null; session: Session }>;

export type SessionRepository = {
  create(session: NewSession, refreshTokenHash: string): Promise<void>;
  /** The token and its session, the token row locked against a concurrent rotation. */
  lockRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
  /** Retires the old token for the new one; the session shows this use (time, address, device). */
  rotate(
    rotation: Readonly<{
      sessionId: string;
      oldHash: string;
      newHash: string;
      idleExpiresAt: Date;
      origin: RequestOrigin;
    }>,
    now: Date,
  ): Promise<void>;
  byIdForUser(sessionId: string, userId: string): Promise<Session | undefined>;
  revoke(sessionId: string, reason: RevocationReason, now: Date): Promise<boolean>;
  /** Revokes every live session of the user except `exceptId`; returns how many. */
  revokeAllOfUser(userId: string, reason: RevocationReason, now: Date, exceptId?: string): Promise<number>;
};

export type OneTimeTokenRepository = {
  issue(tokenHash: string, userId: string, purpose: OneTimeTokenPurpose, now: Date, expiresAt: Date): Promise<void>;
  lockByHash(tokenHash: string, purpose: OneTimeTokenPurpose): Promise<OneTimeToken | undefined>;
  markUsed(tokenHash: string, now: Date): Promise<void>;
  /** Kills every unused token of this purpose (e.g. all reset links once the password changes). */
  invalidateAll(userId: string, purpose: OneTimeTokenPurpose, now: Date): Promise<void>;
};

export type RecoveryCodeRepository = {
  replaceAll(userId: string, codeHashes: readonly string[]): Promise<void>;
  /** Marks the code used if it exists and is unused; false otherwise. */
  consume(userId: string, codeHash: string, now: Date): Promise<boolean>;
  deleteAll(userId: string): Promise<void>;
};

/** A pending second login step; a successful step uses it up, so its token works once. */
export type MfaChallengeRepository = {
  open(challenge: Readonly<{ id: string; userId: string; now: Date; expiresAt: Date }>): Promise<void>;
  /** Locks the challenge; true when it belongs to the user, is unused and has not expired. */
  lockUsable(id: string, userId: string, now: Date): Promise<boolean>;
  markUsed(id: string, now: Date): Promise<void>;
};

export type AuditLog = SharedAuditLog<AuditAction>;

export type IdentityRepositories = {
  users: UserRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  recoveryCodes: RecoveryCodeRepository;
  mfaChallenges: MfaChallengeRepository;
  audit: AuditLog;
  outbox: Outbox;
};

export type IdentityUnitOfWork = UnitOfWork<IdentityRepositories>;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Same work as a verify, for unknown emails (timing must not reveal who has an account). */
  verifyDummy(password: string): Promise<false>;
};

export type CommonPasswords = { readonly isCommon: (password: string) => boolean };

export type SecretTokens = {
  generate(): string;
  hash(token: string): string;
  recoveryCodes(count: number): string[];
  normalizeRecoveryCode(input: string): string;
};

export type Totp = {
  generateSecret(): string;
  keyUri(secret: string, accountName: string): string;
  /** The matched time step, or undefined (wrong, or not newer than `lastUsedStep`). */
  verify(secret: string, code: string, at: Date, lastUsedStep: number | null): number | undefined;
};

export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

export type AccessClaims = Readonly<{ userId: string; sessionId: string }>;

/** Signs and verifies the short-lived JWTs: access tokens and the MFA step token. */
export type TokenSigner = {
  signAccess(claims: AccessClaims, now: Date): Promise<{ token: string; expiresIn: number }>;
  verifyAccess(token: string, now: Date): Promise<AccessClaims | undefined>;
  /** The MFA step token for one challenge; it expires with it (`MFA_STEP_SECONDS`). */
  signMfa(userId: string, challengeId: string, now: Date): Promise<string>;
  verifyMfa(token: string, now: Date): Promise<{ userId: string; challengeId: string; issuedAt: Date } | undefined>;
};

export type IdGenerator = () => string;

export type { RateLimiter };
