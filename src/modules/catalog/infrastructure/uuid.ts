/** Ids are UUIDs: anything else names nothing (and must not reach a uuid column). */
export { isUuid } from '../../../shared/domain/ids.ts';

/** PostgreSQL text cannot hold U+0000: a slug or a search containing it names or matches nothing. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000');
}

const INT4_MAX = 2_147_483_647;

/** Version numbers are positive `integer`s: anything else (a huge or non-finite number) names no version. */
export function isVersionNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= INT4_MAX;
}
