import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './deps.ts';
import type { IdentityRepositories } from './ports.ts';

const TOTP_CODE = /^\s*\d{3}\s?\d{3}\s*$/;

/**
 * Checks a TOTP code (recording its time step so it is never accepted twice) or, failing the
 * TOTP shape, a recovery code (consumed). Runs inside the caller's transaction, user locked.
 */
export async function checkSecondFactor(
  deps: Pick<IdentityDeps, 'totp' | 'secretBox' | 'secretTokens'>,
  tx: IdentityRepositories,
  user: User,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery_code' | 'wrong'> {
  if (!user.totpSecret) return 'wrong';
  if (TOTP_CODE.test(code)) {
    const step = deps.totp.verify(deps.secretBox.open(user.totpSecret), code, now, user.totpLastStep);
    if (step === undefined) return 'wrong';
    await tx.users.recordTotpStep(user.id, step);
    return 'totp';
  }
  const normalized = deps.secretTokens.normalizeRecoveryCode(code);
  if (!normalized) return 'wrong';
  const consumed = await tx.recoveryCodes.consume(user.id, deps.secretTokens.hash(normalized), now);
  return consumed ? 'recovery_code' : 'wrong';
}
