import { createHash } from 'node:crypto';

/**
 * Ids of the scaled data: md5 of (seed, kind, indexes) as a uuid, computed the same way in
 * Node (`scaleId`) and in SQL (`sqlId`), so the same N and seed always give the same ids.
 */
export function scaleId(seed: number, kind: string, ...parts: readonly (number | string)[]): string {
  const hex = createHash('md5')
    .update(idKey(seed, kind, parts))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SQL twin of `scaleId`: `parts` are SQL expressions (integers or text). */
export function sqlId(seed: number, kind: string, ...parts: readonly string[]): string {
  const key = parts.map((part) => `':' || (${part})::text`).join(' || ');
  return `md5('${idKey(seed, kind, [])}'${key ? ` || ${key}` : ''})::uuid`;
}

function idKey(seed: number, kind: string, parts: readonly (number | string)[]): string {
  if (!Number.isSafeInteger(seed) || !/^[a-z-]+$/.test(kind)) throw new Error(`bad id key ${seed}/${kind}`);
  return [String(seed), kind, ...parts.map(String)].join(':');
}
