/** Hands out the items in order, round and round: each request of a scenario takes the next. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate over');
  let next = 0;
  return () => items[next++ % items.length]!;
}

/** Hands out each item once; undefined when they are spent. */
export function oneEach<T>(items: readonly T[]): () => T | undefined {
  let next = 0;
  return () => items[next++];
}
