import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../application/clock.ts';
import type { RateLimit, RateLimiter, RateLimitVerdict } from '../application/rate-limiter.ts';

// Fixed windows: a key's window opens with its first hit and lasts `windowSeconds`; one counter
// per key, so `reset(key)` forgets it whatever limit it was counted under.

/** Redis when configured (shared by every instance), memory otherwise. */
export function createRateLimiter(options: {
  redis?: Redis | undefined;
  namespace: string;
  clock?: Clock;
  /** Told when Redis fails and this instance counts in memory instead. */
  onRedisError?: (error: unknown) => void;
}): RateLimiter {
  const memory = createMemoryRateLimiter(options.clock);
  if (!options.redis) return memory;
  return withFallback(createRedisRateLimiter(options.redis, options.namespace), memory, options.onRedisError);
}

/**
 * Redis down must neither fail logins (a 500) nor switch the limits off: this instance keeps
 * counting in memory until Redis answers again.
 */
function withFallback(primary: RateLimiter, fallback: RateLimiter, onError = (_error: unknown) => {}): RateLimiter {
  const guarded =
    <A extends unknown[], R>(method: (limiter: RateLimiter) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(primary)(...args);
      } catch (error) {
        onError(error);
        return method(fallback)(...args);
      }
    };
  return {
    consume: guarded((limiter) => (key: string, limit: RateLimit) => limiter.consume(key, limit)),
    check: guarded((limiter) => (key: string, limit: RateLimit) => limiter.check(key, limit)),
    reset: guarded((limiter) => (key: string) => limiter.reset(key)),
  };
}

type Window = { count: number; endsAt: number };

const SWEEP_INTERVAL_MS = 1_000;

export function createMemoryRateLimiter(clock: Clock = systemClock): RateLimiter {
  const windows = new Map<string, Window>();
  let nextSweepAt = 0;

  // Expired windows are dropped at most once a second, so the map holds only live keys.
  function sweep(now: number): void {
    if (now < nextSweepAt) return;
    nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  }

  function live(key: string, now: number): Window | undefined {
    const window = windows.get(key);
    return window && window.endsAt > now ? window : undefined;
  }

  return {
    async consume(key, limit) {
      const now = clock.now().getTime();
      sweep(now);
      let window = live(key, now);
      if (!window) {
        window = { count: 0, endsAt: now + limit.windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return verdict(window.count <= limit.max, window.endsAt - now);
    },

    async check(key, limit) {
      const now = clock.now().getTime();
      const window = live(key, now);
      return verdict(!window || window.count < limit.max, window ? window.endsAt - now : 0);
    },

    async reset(key) {
      windows.delete(key);
    },
  };
}

export function createRedisRateLimiter(redis: Redis, namespace: string): RateLimiter {
  const keyOf = (key: string) => `${namespace}:${key}`;

  return {
    async consume(key, limit) {
      const redisKey = keyOf(key);
      // One atomic round trip; NX sets the expiry only when the window opens (or was left without one).
      const [count, , ttl] = await execute(
        redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, limit.windowSeconds * 1000, 'NX')
          .pttl(redisKey),
      );
      return verdict(Number(count) <= limit.max, Number(ttl));
    },

    async check(key, limit) {
      const redisKey = keyOf(key);
      const [count, ttl] = await execute(redis.multi().get(redisKey).pttl(redisKey));
      return verdict(Number(count ?? 0) < limit.max, Number(ttl));
    },

    async reset(key) {
      await redis.del(keyOf(key));
    },
  };
}

type Multi = ReturnType<Redis['multi']>;

/** Results of a MULTI in order; the first command error is thrown. */
async function execute(multi: Multi): Promise<unknown[]> {
  const replies = await multi.exec();
  if (!replies) throw new Error('Redis transaction aborted');
  return replies.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}

function verdict(allowed: boolean, remainingMs: number): RateLimitVerdict {
  if (allowed) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
}
