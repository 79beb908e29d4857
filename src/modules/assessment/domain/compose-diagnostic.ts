import type {
  ComposedQuestion,
  DiagnosticComposition,
  DiagnosticCompositionInput,
  PoolQuestion,
} from './composition-types.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/**
 * The diagnostic (DOMAIN.md "Exam composition", last paragraph): up to `questionsPerModule`
 * questions per module, fewer when the pool is smaller, spread over stage tiers from the lowest
 * up. Interpretation: a module's questions are grouped by stage position (untiered questions form
 * the last group), each group is shuffled (seeded), then one question is taken from each group in
 * ascending stage order, round after round, until the module's share is reached — so 3 questions
 * over 4 tiers come from tiers 1, 2 and 3, and 5 questions over 2 tiers are 3 + 2. All modules'
 * questions are then shuffled together (seeded) and numbered 1..n.
 */
export function composeDiagnostic(input: DiagnosticCompositionInput): DiagnosticComposition {
  if (!Number.isInteger(input.questionsPerModule) || input.questionsPerModule < 0) {
    throw new RangeError(`questionsPerModule must be a non-negative integer, got ${input.questionsPerModule}`);
  }
  const random = createSeededRandom(input.seed);
  const taken = new Set<string>();
  const picked = [...input.modules]
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((module) => {
      const pool = module.pool.filter((question) => {
        if (taken.has(question.id)) return false;
        taken.add(question.id);
        return true;
      });
      return spreadOverTiers(pool, input.questionsPerModule, random).map((question) => ({
        ...question,
        moduleId: module.id,
      }));
    });
  const questions: ComposedQuestion[] = random
    .shuffle(picked)
    .map((question, index) => ({ questionId: question.id, moduleId: question.moduleId, position: index + 1 }));
  return { questions };
}

function spreadOverTiers(pool: readonly PoolQuestion[], count: number, random: SeededRandom): PoolQuestion[] {
  const tiers = new Map<number | null, PoolQuestion[]>();
  for (const question of [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    tiers.set(question.stagePosition, [...(tiers.get(question.stagePosition) ?? []), question]);
  }
  const ordered = [...tiers.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([, questions]) => random.shuffle(questions));
  const chosen: PoolQuestion[] = [];
  for (let round = 0; chosen.length < count; round += 1) {
    const before = chosen.length;
    for (const tier of ordered) {
      const question = tier[round];
      if (question && chosen.length < count) chosen.push(question);
    }
    if (chosen.length === before) break;
  }
  return chosen;
}
