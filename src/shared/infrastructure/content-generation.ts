import type { Redis } from 'ioredis';

/**
 * A counter that moves whenever published content may have changed. Public responses cached
 * under an older generation are stale. With Redis every instance reads the one shared counter
 * (one GET per cacheable request), so a change made through any instance invalidates them all.
 */
export type ContentGeneration = {
  /** The current generation, or undefined when it cannot be known (then nothing is cached). */
  current(): Promise<string | undefined>;
  bump(): Promise<void>;
};

export function createContentGeneration(options: {
  redis?: Redis | undefined;
  key?: string;
  onRedisError?: (error: unknown) => void;
}): ContentGeneration {
  if (!options.redis) return createMemoryGeneration();
  const redis = options.redis;
  const key = options.key ?? 'baza:public-cache:generation';
  const onError = options.onRedisError ?? (() => {});
  return {
    async current() {
      try {
        return (await redis.get(key)) ?? '0';
      } catch (error) {
        // Without the shared counter a cached response could be stale: serve uncached.
        onError(error);
        return undefined;
      }
    },
    async bump() {
      try {
        await redis.incr(key);
      } catch (error) {
        onError(error);
      }
    },
  };
}

function createMemoryGeneration(): ContentGeneration {
  let generation = 0;
  return {
    current: async () => String(generation),
    bump: async () => {
      generation += 1;
    },
  };
}
