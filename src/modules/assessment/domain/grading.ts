/** Grading rules (DOMAIN.md "Attempts"): pure, shared by every attempt kind. */

export type QuestionKind = 'single' | 'multiple';

/**
 * `single`: correct iff exactly the one correct index is selected. `multiple`: correct iff the
 * selected set equals the correct set. No answer (null or empty) is wrong.
 */
export function isAnswerCorrect(
  kind: QuestionKind,
  correct: readonly number[],
  selected: readonly number[] | null,
): boolean {
  if (selected === null || selected.length === 0 || correct.length === 0) return false;
  if (kind === 'single') {
    return selected.length === 1 && correct.length === 1 && selected[0] === correct[0];
  }
  const chosen = new Set(selected);
  const expected = new Set(correct);
  return chosen.size === expected.size && [...expected].every((index) => chosen.has(index));
}

/** correct / total as a percentage rounded to two decimals; an empty attempt scores 0. */
export function scorePercent(correct: number, total: number): number {
  if (!Number.isInteger(correct) || !Number.isInteger(total) || correct < 0 || total < 0 || correct > total) {
    throw new RangeError(`invalid score ${correct}/${total}`);
  }
  if (total === 0) return 0;
  return Math.round((correct * 10_000) / total) / 100;
}

export function isPassed(score: number, passPercent: number): boolean {
  return score >= passPercent;
}
