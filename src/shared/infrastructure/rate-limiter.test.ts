import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../application/rate-limiter.ts';
import { createMemoryRateLimiter, createRateLimiter, createRedisRateLimiter } from './rate-limiter.ts';

const limit = { max: 3, windowSeconds: 1 };

/** The behaviour both stores share; `passWindow` lets a window run out. */
function behavesAsARateLimiter(limiter: () => RateLimiter, passWindow: () => Promise<void>) {
  it('refuses the hit past the limit, with the whole seconds left in the window', async () => {
    const key = `login:${randomUUID()}`;
    const minute = { max: 3, windowSeconds: 60 };
    for (let hit = 1; hit <= 3; hit += 1) {
      expect(await limiter().check(key, minute)).toEqual({ allowed: true });
      expect(await limiter().consume(key, minute)).toEqual({ allowed: true });
    }
    for (const verdict of [await limiter().check(key, minute), await limiter().consume(key, minute)]) {
      expect(verdict.allowed).toBe(false);
      const retryAfter = verdict.allowed ? 0 : verdict.retryAfterSeconds;
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(59);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(await limiter().consume(`login:${randomUUID()}`, minute)).toEqual({ allowed: true });
  });

  it('allows hits again in a new window', async () => {
    const key = `login:${randomUUID()}`;
    for (let hit = 0; hit < 4; hit += 1) await limiter().consume(key, limit);
    await passWindow();
    expect(await limiter().check(key, limit)).toEqual({ allowed: true });
    expect(await limiter().consume(key, limit)).toEqual({ allowed: true });
  });

  it('forgets a key on reset', async () => {
    const key = `login:${randomUUID()}`;
    for (let hit = 0; hit < 4; hit += 1) await limiter().consume(key, limit);
    await limiter().reset(key);
    expect(await limiter().consume(key, limit)).toEqual({ allowed: true });
  });
}

describe('memory rate limiter', () => {
  let now = new Date('2030-01-01T00:00:00Z').getTime();
  const clock = { now: () => new Date(now) };
  const limiter = createMemoryRateLimiter(clock);

  behavesAsARateLimiter(
    () => limiter,
    async () => {
      now += 1_000;
    },
  );

  it('counts within a window that opened with the first hit', async () => {
    const key = 'window';
    const window = { max: 2, windowSeconds: 10 };
    await limiter.consume(key, window);
    now += 9_000;
    await limiter.consume(key, window);
    expect(await limiter.consume(key, window)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(await limiter.consume(key, window)).toEqual({ allowed: true });
  });

  it('is what createRateLimiter picks without Redis', async () => {
    const picked = createRateLimiter({ namespace: 'test', clock });
    await picked.consume('k', { max: 1, windowSeconds: 5 });
    expect(await picked.consume('k', { max: 1, windowSeconds: 5 })).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });
});

describe.skipIf(!process.env.REDIS_URL)('Redis rate limiter', () => {
  const namespace = `test:rate-limit:${randomUUID()}`;
  let redis: Redis;
  let limiter: RateLimiter;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? '');
    limiter = createRedisRateLimiter(redis, namespace);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  behavesAsARateLimiter(
    () => limiter,
    () => sleep(1_050),
  );

  it('keeps one expiring counter per key in the namespace', async () => {
    await limiter.consume('login:ip:203.0.113.7', { max: 5, windowSeconds: 30 });
    await limiter.consume('login:ip:203.0.113.7', { max: 5, windowSeconds: 30 });
    expect(await redis.get(`${namespace}:login:ip:203.0.113.7`)).toBe('2');
    const ttl = await redis.pttl(`${namespace}:login:ip:203.0.113.7`);
    expect(ttl).toBeGreaterThan(29_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('is shared by limiters on the same namespace, and is what createRateLimiter picks with Redis', async () => {
    const other = createRateLimiter({ redis, namespace });
    const key = `login:${randomUUID()}`;
    await limiter.consume(key, { max: 1, windowSeconds: 30 });
    expect(await other.consume(key, { max: 1, windowSeconds: 30 })).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });
});

describe('rate limiter with Redis down', () => {
  it('keeps limiting in memory and reports the failure instead of failing the request', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const failures: unknown[] = [];
    const limiter = createRateLimiter({ redis, namespace: 'down:', onRedisError: (error) => failures.push(error) });
    const limit = { max: 2, windowSeconds: 60 };
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    expect(await limiter.consume('k', limit)).toMatchObject({ allowed: false });
    expect(failures.length).toBeGreaterThan(0);
    redis.disconnect();
  });
});
