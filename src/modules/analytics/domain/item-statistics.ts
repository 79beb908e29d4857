/**
 * Classical item statistics over finished exam attempts. Every number is derived from sums the
 * database can aggregate in one pass, so a question answered a million times costs one row.
 */

/** One question's graded presentations: `n` attempts held it, `correct` of them got it right;
 * the score sums run over those attempts' scores (percent). */
export type ItemSums = Readonly<{
  n: number;
  correct: number;
  scoreSum: number;
  scoreSquareSum: number;
  /** Score sum over the attempts that got this question right. */
  scoreSumCorrect: number;
}>;

export type ItemObservation = Readonly<{ correct: boolean; score: number }>;

/** The sums of a list of observations (what the database computes with `sum(...)`). */
export function itemSumsOf(observations: readonly ItemObservation[]): ItemSums {
  let correct = 0;
  let scoreSum = 0;
  let scoreSquareSum = 0;
  let scoreSumCorrect = 0;
  for (const observation of observations) {
    scoreSum += observation.score;
    scoreSquareSum += observation.score * observation.score;
    if (observation.correct) {
      correct += 1;
      scoreSumCorrect += observation.score;
    }
  }
  return { n: observations.length, correct, scoreSum, scoreSquareSum, scoreSumCorrect };
}

/** Difficulty: the share of correct answers; null when nobody answered. */
export function pValue(sums: ItemSums): number | null {
  return sums.n === 0 ? null : sums.correct / sums.n;
}

/** Below this, a variance is rounding noise of equal scores. */
const ZERO_VARIANCE = 1e-9;

/**
 * Point-biserial correlation between being right on the item (0/1) and the attempt's score:
 * r = (M₁ − M₀) / s · √(p·q) with population standard deviation s, which is Pearson's r of the
 * 0/1 item against the score. Null when it is undefined: fewer than two answers, everyone right
 * or everyone wrong (the item does not vary), or every attempt has the same score.
 */
export function pointBiserial(sums: ItemSums): number | null {
  const { n, correct } = sums;
  if (n < 2 || correct === 0 || correct === n) return null;
  const mean = sums.scoreSum / n;
  const variance = sums.scoreSquareSum / n - mean * mean;
  if (!(variance > ZERO_VARIANCE * Math.max(1, mean * mean))) return null;
  const meanCorrect = sums.scoreSumCorrect / correct;
  const meanWrong = (sums.scoreSum - sums.scoreSumCorrect) / (n - correct);
  const p = correct / n;
  const r = ((meanCorrect - meanWrong) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
  return Math.max(-1, Math.min(1, r));
}

export type Thresholds = Readonly<{ minP: number; maxP: number; minDiscrimination: number }>;

export const DEFAULT_THRESHOLDS: Thresholds = { minP: 0.2, maxP: 0.95, minDiscrimination: 0 };

/** `too_hard`: p < minP; `too_easy`: p > maxP; `low_discrimination`: r < minDiscrimination. */
export type ItemFlag = 'too_hard' | 'too_easy' | 'low_discrimination';

export const ITEM_FLAGS: readonly ItemFlag[] = ['too_hard', 'too_easy', 'low_discrimination'];

export function flagsOf(p: number | null, discrimination: number | null, thresholds: Thresholds): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (p !== null && p < thresholds.minP) flags.push('too_hard');
  if (p !== null && p > thresholds.maxP) flags.push('too_easy');
  if (discrimination !== null && discrimination < thresholds.minDiscrimination) flags.push('low_discrimination');
  return flags;
}

export type ThresholdIssue = Readonly<{ path: string; code: string; params?: Readonly<Record<string, number>> }>;

/**
 * Thresholds from a query (missing ones take the defaults): p bounds within 0..1 with
 * minP <= maxP, the discrimination bound within -1..1. Every failing field is reported.
 */
export function validateThresholds(
  input: Readonly<{ minP?: number | undefined; maxP?: number | undefined; minDiscrimination?: number | undefined }>,
): { ok: true; thresholds: Thresholds } | { ok: false; issues: ThresholdIssue[] } {
  const thresholds = {
    minP: input.minP ?? DEFAULT_THRESHOLDS.minP,
    maxP: input.maxP ?? DEFAULT_THRESHOLDS.maxP,
    minDiscrimination: input.minDiscrimination ?? DEFAULT_THRESHOLDS.minDiscrimination,
  };
  const issues: ThresholdIssue[] = [];
  const inRange = (field: keyof Thresholds, min: number, max: number) => {
    const value = thresholds[field];
    if (!Number.isFinite(value) || value < min || value > max) {
      issues.push({ path: `/${field}`, code: 'out_of_range', params: { min, max } });
    }
  };
  inRange('minP', 0, 1);
  inRange('maxP', 0, 1);
  inRange('minDiscrimination', -1, 1);
  if (issues.length === 0 && thresholds.minP > thresholds.maxP) {
    issues.push({ path: '/minP', code: 'min_above_max', params: { min: thresholds.minP, max: thresholds.maxP } });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, thresholds };
}
