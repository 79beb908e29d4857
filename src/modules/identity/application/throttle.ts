import { RateLimitedError } from '../../../shared/domain/errors.ts';
import { AUTH_LIMITS } from '../domain/rate-limits.ts';
import type { RateLimit, RateLimiter } from '../../../shared/application/rate-limiter.ts';

export type Throttle = ReadonlyArray<Readonly<{ key: string; limit: RateLimit }>>;

/** Refuses (429) when any counter is already spent, without counting this attempt. */
export async function assertNotThrottled(limiter: RateLimiter, throttle: Throttle): Promise<void> {
  for (const { key, limit } of throttle) {
    const verdict = await limiter.check(key, limit);
    if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
  }
}

/** Counts one attempt on every counter; refuses (429) when one of them is over its limit. */
export async function consumeThrottle(limiter: RateLimiter, throttle: Throttle): Promise<void> {
  let retryAfter = 0;
  for (const { key, limit } of throttle) {
    const verdict = await limiter.consume(key, limit);
    if (!verdict.allowed) retryAfter = Math.max(retryAfter, verdict.retryAfterSeconds);
  }
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
}

/**
 * Mail-sending requests: per address and purpose (sign-up mail vs reset mail), so spending an
 * address's sign-up allowance cannot keep its owner from a reset; and per client address.
 */
export function mailThrottle(email: string, ip: string, purpose: 'verification' | 'reset'): Throttle {
  return [
    { key: `mail:address:${purpose}:${email}`, limit: AUTH_LIMITS.mailPerAddress },
    { key: `mail:ip:${ip}`, limit: AUTH_LIMITS.mailRequestsPerIp },
  ];
}

export async function countFailure(limiter: RateLimiter, throttle: Throttle): Promise<void> {
  for (const { key, limit } of throttle) await limiter.consume(key, limit);
}

/**
 * Checks a signed-in user's password (changing it, turning MFA off): limited per account like a
 * login, so a stolen access token cannot be used to guess the password. The attempt counts
 * before the check (parallel guesses cannot all pass) and is given back when it is right.
 */
export async function verifyCurrentPassword(
  deps: { limiter: RateLimiter; hasher: { verify(hash: string, password: string): Promise<boolean> } },
  user: { id: string; passwordHash: string },
  password: string,
  limit: RateLimit,
): Promise<boolean> {
  const key = `password-check:${user.id}`;
  await consumeThrottle(deps.limiter, [{ key, limit }]);
  const matches = await deps.hasher.verify(user.passwordHash, password);
  if (matches) await deps.limiter.reset(key);
  return matches;
}
