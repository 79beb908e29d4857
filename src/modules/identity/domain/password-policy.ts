import { CommonPasswordError, PasswordLengthError } from './errors.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * NIST SP 800-63B: a length range counted in characters (code points, so any script and emoji
 * count as one), no composition rules, and no password from a list of common ones.
 */
export function assertAcceptablePassword(password: string, isCommon: (password: string) => boolean): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) throw new PasswordLengthError();
  if (isCommon(password)) throw new CommonPasswordError();
}
