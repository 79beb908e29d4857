import type { RequestOrigin } from '../../domain/audit.ts';
import {
  MfaAlreadyEnabledError,
  MfaEnrollmentNotStartedError,
  MfaNotEnabledError,
  UserNotFoundError,
  WrongPasswordError,
  WrongTotpSetupCodeError,
} from '../../domain/errors.ts';
import { AUTH_LIMITS } from '../../domain/rate-limits.ts';
import { normalizeEmail } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';
import { verifyCurrentPassword } from '../throttle.ts';

const RECOVERY_CODE_COUNT = 10;

export type TotpEnrollment = Readonly<{ secret: string; otpauthUri: string }>;

/** Step 1: a new secret, kept sealed as "pending" until a code proves the app has it. */
export function makeStartTotpEnrollment(deps: IdentityDeps) {
  return async function startTotpEnrollment(input: {
    actorId: string;
    password: string;
    now: Date;
  }): Promise<TotpEnrollment> {
    // The password again: someone holding a stolen session must not enroll their own device.
    const current = await deps.uow.run((tx) => tx.users.byId(input.actorId));
    if (!current) throw new UserNotFoundError(input.actorId);
    const matches = await verifyCurrentPassword(deps, current, input.password, AUTH_LIMITS.passwordChecksPerAccount);
    if (!matches) throw new WrongPasswordError();
    return deps.uow.run(async (tx) => {
      const user = await tx.users.lockById(input.actorId);
      if (!user) throw new UserNotFoundError(input.actorId);
      if (user.totpEnabledAt) throw new MfaAlreadyEnabledError();
      const secret = deps.totp.generateSecret();
      await tx.users.startTotpEnrollment(user.id, deps.secretBox.seal(secret), input.now);
      return { secret, otpauthUri: deps.totp.keyUri(secret, user.email) };
    });
  };
}

export type ConfirmTotpInput = { actorId: string; code: string; origin: RequestOrigin; now: Date };

/** Step 2: a valid code turns MFA on and returns the recovery codes (shown once, stored hashed). */
export function makeConfirmTotp(deps: IdentityDeps) {
  return async function confirmTotp(input: ConfirmTotpInput): Promise<{ recoveryCodes: string[] }> {
    return deps.uow.run(async (tx) => {
      const user = await tx.users.lockById(input.actorId);
      if (!user) throw new UserNotFoundError(input.actorId);
      if (user.totpEnabledAt) throw new MfaAlreadyEnabledError();
      if (!user.totpPendingSecret) throw new MfaEnrollmentNotStartedError();
      const step = deps.totp.verify(deps.secretBox.open(user.totpPendingSecret), input.code, input.now, null);
      if (step === undefined) throw new WrongTotpSetupCodeError();
      await tx.users.enableTotp(user.id, user.totpPendingSecret, step, input.now);
      const recoveryCodes = deps.secretTokens.recoveryCodes(RECOVERY_CODE_COUNT);
      await tx.recoveryCodes.replaceAll(
        user.id,
        recoveryCodes.map((code) => deps.secretTokens.hash(deps.secretTokens.normalizeRecoveryCode(code))),
      );
      await tx.audit.record({
        at: input.now,
        actorId: user.id,
        action: 'user.mfa_enabled',
        subjectId: user.id,
        origin: input.origin,
      });
      return { recoveryCodes };
    });
  };
}

export type DisableTotpInput = { actorId: string; password: string; origin: RequestOrigin; now: Date };

/** Turning MFA off needs the password; the recovery codes go with it. */
export function makeDisableTotp(deps: IdentityDeps) {
  return async function disableTotp(input: DisableTotpInput): Promise<void> {
    const user = await deps.uow.run((tx) => tx.users.byId(input.actorId));
    if (!user) throw new UserNotFoundError(input.actorId);
    const matches = await verifyCurrentPassword(deps, user, input.password, AUTH_LIMITS.passwordChecksPerAccount);
    if (!matches) throw new WrongPasswordError();
    await deps.uow.run(async (tx) => {
      const locked = await tx.users.lockById(user.id);
      if (!locked?.totpEnabledAt) throw new MfaNotEnabledError();
      await tx.users.disableTotp(user.id, input.now);
      await tx.recoveryCodes.deleteAll(user.id);
      await tx.audit.record({
        at: input.now,
        actorId: user.id,
        action: 'user.mfa_disabled',
        subjectId: user.id,
        origin: input.origin,
      });
    });
  };
}

/**
 * An operator on the server (`baza user reset-mfa`) turns MFA off for someone who lost both their
 * device and their recovery codes — the owner included, who has nobody above them. Their
 * sessions end; they sign in with the password and set MFA up again.
 */
export function makeResetMfaByOperator(deps: IdentityDeps) {
  return async function resetMfaByOperator(input: { email: string; now: Date }): Promise<{ id: string }> {
    return deps.uow.run(async (tx) => {
      const found = await tx.users.byEmail(normalizeEmail(input.email));
      const user = found && (await tx.users.lockById(found.id));
      if (!user) throw new UserNotFoundError(input.email);
      if (!user.totpEnabledAt) throw new MfaNotEnabledError();
      await tx.users.disableTotp(user.id, input.now);
      await tx.recoveryCodes.deleteAll(user.id);
      const ended = await tx.sessions.revokeAllOfUser(user.id, 'user_revoked', input.now);
      await tx.audit.record({
        at: input.now,
        actorId: null,
        action: 'user.mfa_disabled',
        subjectId: user.id,
        origin: null,
        details: { by: 'operator', sessionsEnded: ended },
      });
      return { id: user.id };
    });
  };
}
