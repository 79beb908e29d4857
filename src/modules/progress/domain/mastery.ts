/** Mastery per (user, module) (DOMAIN.md "Mastery"): a Laplace-smoothed share of correct answers. */

export type MasteryCounts = Readonly<{ answered: number; correct: number }>;

/** (correct + 1) / (answered + 2): 0.5 with no data, never exactly 0 or 1. */
export function masteryOf(counts: MasteryCounts): number {
  const { answered, correct } = counts;
  if (!Number.isInteger(answered) || !Number.isInteger(correct) || correct < 0 || correct > answered) {
    throw new RangeError(`invalid mastery counts ${correct}/${answered}`);
  }
  return (correct + 1) / (answered + 2);
}

export type ModuleStanding = Readonly<{ id: string; position: number; mastery: number }>;

/** The k modules with the lowest mastery, weakest first; ties go to the lower module position. */
export function weakModuleIds(modules: readonly ModuleStanding[], k: number): string[] {
  if (k <= 0) return [];
  return [...modules]
    .sort((a, b) => a.mastery - b.mastery || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k)
    .map((module) => module.id);
}
