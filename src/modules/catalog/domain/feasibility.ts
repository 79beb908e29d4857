import type { ExamSettings, SettingsParams } from './settings.ts';

/** An active exam question (mini-test questions excluded): its module and its stage tier (null = any). */
export type BankQuestion = Readonly<{ moduleId: string; stage: number | null }>;

export type ShortModule = Readonly<{ moduleId: string; available: number }>;

/** An exam the bank cannot fill: where, how many it needs, and the modules short of questions. */
export type FeasibilityGap = Readonly<{
  scope: 'diagnostic' | 'level_exam' | 'rank_final';
  /** The stage position, for a level exam. */
  stage: number | null;
  needed: number;
  available: number;
  modules: readonly ShortModule[];
}>;

/**
 * Whether the question bank can fill every exam the settings ask for (DOMAIN.md "Exam
 * composition"): a module contributes at most `maxPerModule` and at most what its pool holds,
 * so an exam of N questions needs Σ min(max, |pool(m)|) ≥ N. A level exam draws from questions of
 * its stage or of no stage, the rank final from all of them; the diagnostic needs
 * `questionsPerModule` questions in every module. Empty result: feasible.
 */
export function findFeasibilityGaps(
  settings: SettingsParams,
  track: Readonly<{ stages: readonly number[]; moduleIds: readonly string[] }>,
  bank: readonly BankQuestion[],
): FeasibilityGap[] {
  const gaps: FeasibilityGap[] = [];
  const poolSizes = (stage: number | null) =>
    track.moduleIds.map((moduleId) => ({
      moduleId,
      available: bank.filter(
        (q) => q.moduleId === moduleId && (stage === null || q.stage === null || q.stage === stage),
      ).length,
    }));

  const diagnosticShort = poolSizes(null).filter((pool) => pool.available < settings.diagnostic.questionsPerModule);
  if (diagnosticShort.length > 0) {
    const needed = settings.diagnostic.questionsPerModule * track.moduleIds.length;
    const available = poolSizes(null).reduce(
      (sum, pool) => sum + Math.min(pool.available, settings.diagnostic.questionsPerModule),
      0,
    );
    gaps.push({ scope: 'diagnostic', stage: null, needed, available, modules: diagnosticShort });
  }
  for (const stage of track.stages) {
    const gap = examGap(settings.levelExam, poolSizes(stage));
    if (gap) gaps.push({ scope: 'level_exam', stage, ...gap });
  }
  const final = examGap(settings.rankFinal, poolSizes(null));
  if (final) gaps.push({ scope: 'rank_final', stage: null, ...final });
  return gaps;
}

function examGap(exam: ExamSettings, pools: readonly ShortModule[]) {
  const available = pools.reduce((sum, pool) => sum + Math.min(exam.maxPerModule, pool.available), 0);
  if (available >= exam.questionCount) return undefined;
  const modules = pools
    .filter((pool) => pool.available < exam.maxPerModule)
    .sort((a, b) => a.available - b.available || a.moduleId.localeCompare(b.moduleId));
  return { needed: exam.questionCount, available, modules };
}
