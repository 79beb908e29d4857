import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  flagsOf,
  itemSumsOf,
  pointBiserial,
  pValue,
  validateThresholds,
} from './item-statistics.ts';

const observations = (correct: readonly number[], scores: readonly number[]) =>
  itemSumsOf(correct.map((c, i) => ({ correct: c === 1, score: scores[i] as number })));

describe('p-value', () => {
  it('is the share of correct answers, null without answers', () => {
    expect(pValue(observations([1, 1, 0, 0], [100, 75, 50, 25]))).toBe(0.5);
    expect(pValue(observations([1, 0, 0, 0, 0], [1, 2, 3, 4, 5]))).toBe(0.2);
    expect(pValue(observations([], []))).toBeNull();
  });
});

describe('point-biserial discrimination', () => {
  it('matches hand-computed values', () => {
    // Scores 100 75 50 25, right on the two best: M1 = 87.5, M0 = 37.5, s = √781.25, p = q = ½
    // → r = 50 / 27.9508 · 0.5 = 2/√5.
    expect(pointBiserial(observations([1, 1, 0, 0], [100, 75, 50, 25]))).toBeCloseTo(2 / Math.sqrt(5), 10);
    // Right on the two worst: the same, negative.
    expect(pointBiserial(observations([0, 0, 1, 1], [100, 75, 50, 25]))).toBeCloseTo(-2 / Math.sqrt(5), 10);
    // Scores 80 60 60 40 20, right on 80 and one 60: M1 = 70, M0 = 40, s = √416, p = 0.4
    // → r = 30 / 20.396 · √0.24 = 0.720577.
    expect(pointBiserial(observations([1, 0, 1, 0, 0], [80, 60, 60, 40, 20]))).toBeCloseTo(0.720576692, 8);
  });

  it('is null where undefined: too few answers, no variation in the item or in the scores', () => {
    expect(pointBiserial(observations([1], [80]))).toBeNull();
    expect(pointBiserial(observations([1, 1, 1], [80, 60, 40]))).toBeNull();
    expect(pointBiserial(observations([0, 0, 0], [80, 60, 40]))).toBeNull();
    expect(pointBiserial(observations([1, 0, 1, 0], [50, 50, 50, 50]))).toBeNull();
    expect(pointBiserial(observations([1, 0], [33.33, 33.33]))).toBeNull();
  });

  it('equals Pearson’s r of the 0/1 item and the score, within -1..1', () => {
    const sample = fc.array(fc.record({ correct: fc.boolean(), score: fc.integer({ min: 0, max: 10_000 }) }), {
      minLength: 2,
      maxLength: 40,
    });
    fc.assert(
      fc.property(sample, (rows) => {
        const scores = rows.map((row) => row.score / 100);
        const items = rows.map((row) => (row.correct ? 1 : 0));
        const r = pointBiserial(
          itemSumsOf(rows.map((row, i) => ({ correct: row.correct, score: scores[i] as number }))),
        );
        const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
        const [mx, my] = [mean(items), mean(scores)];
        const cov = mean(items.map((x, i) => (x - mx) * ((scores[i] as number) - my)));
        const sx = Math.sqrt(mean(items.map((x) => (x - mx) ** 2)));
        const sy = Math.sqrt(mean(scores.map((y) => (y - my) ** 2)));
        if (sx === 0 || sy < 1e-6) {
          expect(r).toBeNull();
        } else if (r !== null) {
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
          expect(r).toBeCloseTo(cov / (sx * sy), 6);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('flags', () => {
  it('flags too hard, too easy and poor discrimination with the default thresholds', () => {
    expect(flagsOf(0.1, 0.3, DEFAULT_THRESHOLDS)).toEqual(['too_hard']);
    expect(flagsOf(0.2, 0.3, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(flagsOf(0.96, -0.1, DEFAULT_THRESHOLDS)).toEqual(['too_easy', 'low_discrimination']);
    expect(flagsOf(0.95, 0, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(flagsOf(null, null, DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('uses the thresholds it is given', () => {
    const strict = { minP: 0.3, maxP: 0.8, minDiscrimination: 0.2 };
    expect(flagsOf(0.25, 0.1, strict)).toEqual(['too_hard', 'low_discrimination']);
    expect(flagsOf(0.85, 0.25, strict)).toEqual(['too_easy']);
  });
});

describe('threshold validation', () => {
  it('fills the defaults and accepts the bounds', () => {
    expect(validateThresholds({})).toEqual({ ok: true, thresholds: DEFAULT_THRESHOLDS });
    expect(validateThresholds({ minP: 0, maxP: 1, minDiscrimination: -1 })).toEqual({
      ok: true,
      thresholds: { minP: 0, maxP: 1, minDiscrimination: -1 },
    });
  });

  it('reports every field out of range, and minP above maxP', () => {
    expect(validateThresholds({ minP: -0.1, maxP: 2, minDiscrimination: Number.NaN })).toEqual({
      ok: false,
      issues: [
        { path: '/minP', code: 'out_of_range', params: { min: 0, max: 1 } },
        { path: '/maxP', code: 'out_of_range', params: { min: 0, max: 1 } },
        { path: '/minDiscrimination', code: 'out_of_range', params: { min: -1, max: 1 } },
      ],
    });
    expect(validateThresholds({ minP: 0.9, maxP: 0.5 })).toEqual({
      ok: false,
      issues: [{ path: '/minP', code: 'min_above_max', params: { min: 0.9, max: 0.5 } }],
    });
  });
});
