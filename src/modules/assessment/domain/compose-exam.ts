import type {
  ComposedQuestion,
  ExamComposition,
  ExamCompositionInput,
  ModuleForComposition,
  PoolQuestion,
} from './composition-types.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/**
 * The adaptive engine (DOMAIN.md "Exam composition", steps 1–6). Preconditions, which the
 * catalog's settings validation guarantees: 0 <= min <= max, min × modules <= N, K >= 0;
 * breaking them is a programming error (RangeError), not a user-facing failure.
 */
export function composeExam(input: ExamCompositionInput): ExamComposition {
  assertPreconditions(input);
  const modules = normalizedModules(input.modules);
  const byWeakness = [...modules].sort(weakestFirst);
  const weakModuleIds = byWeakness.slice(0, Math.max(0, input.weakModules)).map((module) => module.id);
  const cap = (module: NormalizedModule) => Math.min(input.maxPerModule, module.pool.length);

  // 1. Every module starts at min(min, |pool|).
  const quotas = new Map(modules.map((module) => [module.id, Math.min(input.minPerModule, module.pool.length)]));
  let total = sum(quotas.values());
  const raise = (module: NormalizedModule) => {
    quotas.set(module.id, (quotas.get(module.id) ?? 0) + 1);
    total += 1;
  };

  // 2. The K weakest, weakest first, go up to their cap while the exam is short.
  for (const module of byWeakness.slice(0, weakModuleIds.length)) {
    while (total < input.questionCount && (quotas.get(module.id) ?? 0) < cap(module)) raise(module);
  }

  // 3. Round-robin over all modules by ascending mastery, one question per module per round.
  let raisedInRound = true;
  while (total < input.questionCount && raisedInRound) {
    raisedInRound = false;
    for (const module of byWeakness) {
      if (total >= input.questionCount) break;
      if ((quotas.get(module.id) ?? 0) < cap(module)) {
        raise(module);
        raisedInRound = true;
      }
    }
  }

  // 4. Every pool is at its cap and the exam is still short.
  if (total < input.questionCount) {
    return {
      ok: false,
      reason: 'question_bank_too_small',
      available: total,
      exhaustedModuleIds: modules
        .filter((module) => module.pool.length < input.maxPerModule)
        .map((module) => module.id),
    };
  }

  // 5. Unseen questions first, each group in seeded random order; 6. one seeded shuffle of all.
  const random = createSeededRandom(input.seed);
  const picked = modules.flatMap((module) => pickFromModule(module, quotas.get(module.id) ?? 0, input.seen, random));
  const questions: ComposedQuestion[] = random
    .shuffle(picked)
    .map((question, index) => ({ questionId: question.id, moduleId: question.moduleId, position: index + 1 }));
  return { ok: true, questions, quotas, weakModuleIds };
}

type NormalizedModule = Omit<ModuleForComposition, 'pool'> & Readonly<{ pool: readonly PoolQuestion[] }>;

/** Modules in position order (so the draw does not depend on the caller's ordering) and pools
 * without questions repeated anywhere in the input: an attempt can hold a question only once. */
function normalizedModules(modules: readonly ModuleForComposition[]): NormalizedModule[] {
  const taken = new Set<string>();
  return [...modules].sort(byPosition).map((module) => {
    const pool = module.pool.filter((question) => {
      if (taken.has(question.id)) return false;
      taken.add(question.id);
      return true;
    });
    return { ...module, pool: [...pool].sort(byId) };
  });
}

function pickFromModule(
  module: NormalizedModule,
  quota: number,
  seen: ReadonlySet<string>,
  random: SeededRandom,
): PoolQuestion[] {
  const unseen = module.pool.filter((question) => !seen.has(question.id));
  const alreadySeen = module.pool.filter((question) => seen.has(question.id));
  return [...random.shuffle(unseen), ...random.shuffle(alreadySeen)]
    .slice(0, quota)
    .map((question) => ({ ...question, moduleId: module.id }));
}

function assertPreconditions(input: ExamCompositionInput): void {
  const { questionCount: n, minPerModule: min, maxPerModule: max, weakModules: k } = input;
  const integers = [n, min, max, k].every(Number.isInteger);
  if (!integers || n < 0 || min < 0 || max < min || k < 0 || min * input.modules.length > n) {
    throw new RangeError(`inconsistent exam settings: N=${n}, min=${min}, max=${max}, K=${k}`);
  }
}

function weakestFirst(a: ModuleForComposition, b: ModuleForComposition): number {
  return a.mastery - b.mastery || byPosition(a, b);
}

function byPosition(a: ModuleForComposition, b: ModuleForComposition): number {
  return a.position - b.position || byId(a, b);
}

function byId(a: Readonly<{ id: string }>, b: Readonly<{ id: string }>): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
