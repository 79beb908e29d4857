export type RateLimit = Readonly<{ max: number; windowSeconds: number }>;

export type RateLimitVerdict = Readonly<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;

/**
 * Counters shared by every instance (Redis when configured, memory otherwise). Keys are opaque
 * strings built by the caller, e.g. `login:ip:203.0.113.7`.
 */
export type RateLimiter = {
  /** Counts one hit; refused once more than `max` hits fall into the current window. */
  consume(key: string, limit: RateLimit): Promise<RateLimitVerdict>;
  /** Whether the next hit would be refused, without counting one. */
  check(key: string, limit: RateLimit): Promise<RateLimitVerdict>;
  /** Forgets the key (e.g. failed logins after a successful one). */
  reset(key: string): Promise<void>;
};
