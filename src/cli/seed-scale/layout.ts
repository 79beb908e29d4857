import {
  SCALE_CORE_ARTICLES_PER_STAGE,
  SCALE_MINITEST_ARTICLES_PER_STAGE,
  SCALE_MODULES_PER_TRACK,
  SCALE_STAGES_PER_TRACK,
  SCALE_TRACK_SLUGS,
} from './manifest.ts';

/**
 * Where every generated row sits, as plain numbers: the generator's SQL and the journey plan both
 * address questions, articles and modules by these indexes (ids are hashes of them).
 */

const TRACKS = SCALE_TRACK_SLUGS.length;
/** Stage tiers of the bank: 0 = no stage, 1..n = that stage. */
export const TIERS = SCALE_STAGES_PER_TRACK + 1;
/** One "row" of the bank: a question for every (track, module, tier). */
export const BANK_STRIDE = TRACKS * SCALE_MODULES_PER_TRACK * TIERS;
/** Questions of every mini-test article. */
export const MINITEST_QUESTIONS = 3;
export const CORE_ARTICLES = TRACKS * SCALE_STAGES_PER_TRACK * SCALE_CORE_ARTICLES_PER_STAGE;

/** Questions of one (track, module, tier) pool that every exam may draw from. */
export function poolSize(bankQuestions: number): number {
  return Math.floor(bankQuestions / BANK_STRIDE);
}

/** Index of a bank question: track 0-based, module 1-based, tier 0..stages, k < poolSize. */
export function bankQuestion(track: number, module: number, tier: number, k: number): number {
  return track + TRACKS * (module - 1) + TRACKS * SCALE_MODULES_PER_TRACK * tier + BANK_STRIDE * k;
}

/** The core article at `position` (1-based) of stage `stage` of a track. */
export function coreArticle(track: number, stage: number, position: number): number {
  return track + TRACKS * (stage - 1) + TRACKS * SCALE_STAGES_PER_TRACK * (position - 1);
}

/** The module a core article (and its mini-test) belongs to. */
export function coreArticleModule(stage: number, position: number): number {
  return (((stage - 1) * SCALE_CORE_ARTICLES_PER_STAGE + position - 1) % SCALE_MODULES_PER_TRACK) + 1;
}

export function coreArticleHasMinitest(position: number): boolean {
  return position <= SCALE_MINITEST_ARTICLES_PER_STAGE;
}

/** Mini-test questions are numbered after the bank: 3 per article index. */
export function minitestQuestion(bankQuestions: number, article: number, k: number): number {
  return bankQuestions + article * MINITEST_QUESTIONS + k;
}

/** A 32-bit mix of integers: the deterministic "random" choices of the plan. */
export function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
