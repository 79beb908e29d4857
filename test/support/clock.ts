import type { Clock } from '../../src/shared/application/clock.ts';

/** A clock tests move by hand; it starts at the real time so JWT libraries agree with it. */
export function createTestClock(start: Date = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  } satisfies Clock & Record<string, unknown>;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
