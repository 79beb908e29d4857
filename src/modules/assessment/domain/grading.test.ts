import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnswerCorrect, isPassed, scorePercent } from './grading.ts';

const RUNS = { numRuns: 2000 };

describe('isAnswerCorrect', () => {
  it('grades the examples of DOMAIN.md', () => {
    expect(isAnswerCorrect('single', [2], [2])).toBe(true);
    expect(isAnswerCorrect('single', [2], [1])).toBe(false);
    expect(isAnswerCorrect('single', [2], [2, 1])).toBe(false);
    expect(isAnswerCorrect('single', [2], null)).toBe(false);
    expect(isAnswerCorrect('single', [2], [])).toBe(false);
    expect(isAnswerCorrect('multiple', [0, 2], [2, 0])).toBe(true);
    expect(isAnswerCorrect('multiple', [0, 2], [0])).toBe(false);
    expect(isAnswerCorrect('multiple', [0, 2], [0, 1, 2])).toBe(false);
    expect(isAnswerCorrect('multiple', [0, 2], null)).toBe(false);
    expect(isAnswerCorrect('multiple', [0, 2], [])).toBe(false);
  });

  const indexSet = fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 });

  it('multiple: correct exactly when the selected set equals the correct set, in any order', () => {
    fc.assert(
      fc.property(indexSet, indexSet, fc.integer(), (correct, selected, seed) => {
        const same = correct.length === selected.length && correct.every((i) => selected.includes(i));
        expect(isAnswerCorrect('multiple', correct, selected)).toBe(same);
        const rotated = [...correct.slice(seed % correct.length), ...correct.slice(0, seed % correct.length)];
        expect(isAnswerCorrect('multiple', correct, rotated)).toBe(true);
      }),
      RUNS,
    );
  });

  it('single: correct exactly when the one selected index is the correct one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), indexSet, (correct, selected) => {
        expect(isAnswerCorrect('single', [correct], selected)).toBe(selected.length === 1 && selected[0] === correct);
      }),
      RUNS,
    );
  });
});

describe('scorePercent and isPassed', () => {
  it('rounds to two decimals', () => {
    expect(scorePercent(1, 3)).toBe(33.33);
    expect(scorePercent(2, 3)).toBe(66.67);
    expect(scorePercent(7, 8)).toBe(87.5);
    expect(scorePercent(0, 0)).toBe(0);
    expect(scorePercent(12, 12)).toBe(100);
    expect(() => scorePercent(3, 2)).toThrow(RangeError);
  });

  it('stays in 0..100, has at most two decimals and grows with the correct answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (total, raw) => {
        const correct = raw % (total + 1);
        const score = scorePercent(correct, total);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.abs(score * 100 - Math.round(score * 100))).toBeLessThan(1e-6);
        expect(Math.abs(score - (correct / total) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        if (correct < total) expect(scorePercent(correct + 1, total)).toBeGreaterThan(score);
      }),
      RUNS,
    );
  });

  it('passes at or above the pass mark', () => {
    expect(isPassed(70, 70)).toBe(true);
    expect(isPassed(69.99, 70)).toBe(false);
    expect(isPassed(scorePercent(7, 10), 70)).toBe(true);
    expect(isPassed(scorePercent(2, 3), 66.67)).toBe(true);
  });
});
