import { describe, expect, it } from 'vitest';
import { createQuestionPoolCache } from './question-pools.ts';

const pool = (generation: string) => ({ generation, all: [], byStage: new Map(), examByStage: new Map() });

describe('question pool cache', () => {
  it('reads a cold pool once while a class starts together, and keeps it', async () => {
    const cache = createQuestionPoolCache();
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return pool('7');
    };
    const loaded = await Promise.all(Array.from({ length: 32 }, () => cache.load('track', '7', read)));
    expect(reads).toBe(1);
    expect(new Set(loaded).size).toBe(1);
    expect(cache.get('track')).toBe(loaded[0]);
  });

  it('reads again for a new generation', async () => {
    const cache = createQuestionPoolCache();
    let reads = 0;
    const read = (generation: string) => async () => {
      reads += 1;
      return pool(generation);
    };
    await cache.load('track', '1', read('1'));
    const [a, b] = await Promise.all([cache.load('track', '2', read('2')), cache.load('track', '2', read('2'))]);
    expect(reads).toBe(2);
    expect(a).toBe(b);
    expect(cache.get('track')?.generation).toBe('2');
  });

  it('lets each waiter read on its own when the shared read fails', async () => {
    const cache = createQuestionPoolCache();
    let reads = 0;
    const failing = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('connection lost');
    };
    const working = async () => {
      reads += 1;
      return pool('3');
    };
    const first = cache.load('track', '3', failing);
    const second = cache.load('track', '3', working);
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).resolves.toMatchObject({ generation: '3' });
    expect(reads).toBe(2);
  });
});
