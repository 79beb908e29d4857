import { describe, expect, it } from 'vitest';
import { studentsIn } from '../../bench/lib/cast.ts';
import { oneEach, rotation } from '../../bench/lib/rotation.ts';
import { scaleStudentState } from '../../src/cli/seed-scale/manifest.ts';

describe('the bench cast', () => {
  it('takes students of one state from the manifest, spread over the whole range', () => {
    const examinees = studentsIn('exam-ready', 100_000, 750);
    expect(examinees).toHaveLength(750);
    expect(new Set(examinees).size).toBe(750);
    expect(examinees.every((index) => scaleStudentState(index) === 'exam-ready')).toBe(true);
    expect(examinees[0]).toBeLessThan(1000);
    expect(examinees.at(-1)).toBeGreaterThan(99_000);
  });

  it('takes all of them when there are fewer than asked', () => {
    const all = studentsIn('exam-ready', 1000, 5000);
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(all.length).toBeLessThan(5000);
  });

  it('rotates requests over the items, or hands each out once', () => {
    const next = rotation(['a', 'b']);
    expect([next(), next(), next()]).toEqual(['a', 'b', 'a']);
    expect(() => rotation([])).toThrow(/nothing to rotate/);
    const once = oneEach([1, 2]);
    expect([once(), once(), once()]).toEqual([1, 2, undefined]);
  });
});
