import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeExam } from './compose-exam.ts';
import type { ExamCompositionInput, ModuleForComposition } from './composition-types.ts';

const RUNS = { numRuns: 3000 };

type Generated = ExamCompositionInput & { modules: readonly ModuleForComposition[] };

/** Random tracks: up to 6 modules, pools of 0..8 questions, masteries with frequent ties, some
 * questions already seen, and N anywhere from the smallest valid value to beyond the bank. */
const examInput: fc.Arbitrary<Generated> = fc
  .record({
    modules: fc.array(
      fc.record({
        poolSize: fc.integer({ min: 0, max: 8 }),
        mastery: fc.constantFrom(0.1, 0.25, 0.5, 0.5, 0.75, 0.9),
        seenFlags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    min: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 4 }),
    nOffset: fc.integer({ min: 0, max: 30 }),
    k: fc.integer({ min: 0, max: 7 }),
    seed: fc.integer(),
  })
  .map(({ modules, min, extra, nOffset, k, seed }) => {
    const seen = new Set<string>();
    const built = modules.map((module, m) => ({
      id: `m${m}`,
      position: m + 1,
      mastery: module.mastery,
      pool: Array.from({ length: module.poolSize }, (_, q) => {
        const id = `m${m}-q${q}`;
        if (module.seenFlags[q]) seen.add(id);
        return { id, moduleId: `m${m}`, stagePosition: q % 3 === 0 ? null : 1 };
      }),
    }));
    return {
      modules: built,
      questionCount: min * built.length + nOffset,
      minPerModule: min,
      maxPerModule: min + extra,
      weakModules: Math.min(k, built.length),
      seen,
      seed,
    };
  });

const capacity = (input: ExamCompositionInput) =>
  input.modules.reduce((total, module) => total + Math.min(input.maxPerModule, module.pool.length), 0);

const composed = (input: ExamCompositionInput) => {
  const result = composeExam(input);
  if (!result.ok) throw new Error('expected a composed exam');
  return result;
};

const feasible = examInput.filter((input) => capacity(input) >= input.questionCount);

describe('composeExam (properties)', () => {
  it('builds an exam exactly when the bank can hold N questions, else names what is available', () => {
    fc.assert(
      fc.property(examInput, (input) => {
        const result = composeExam(input);
        expect(result.ok).toBe(capacity(input) >= input.questionCount);
        if (!result.ok) {
          expect(result.reason).toBe('question_bank_too_small');
          expect(result.available).toBe(capacity(input));
          expect(result.exhaustedModuleIds).toEqual(
            input.modules.filter((m) => m.pool.length < input.maxPerModule).map((m) => m.id),
          );
        }
      }),
      RUNS,
    );
  });

  it('has N questions at positions 1..N, each from a pool, none twice, matching the quotas', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        expect(exam.questions).toHaveLength(input.questionCount);
        expect(exam.questions.map((q) => q.position)).toEqual(
          Array.from({ length: input.questionCount }, (_, i) => i + 1),
        );
        expect(new Set(exam.questions.map((q) => q.questionId)).size).toBe(exam.questions.length);
        const owner = new Map(input.modules.flatMap((m) => m.pool.map((q) => [q.id, m.id] as const)));
        for (const question of exam.questions) expect(owner.get(question.questionId)).toBe(question.moduleId);
        for (const module of input.modules) {
          const count = exam.questions.filter((q) => q.moduleId === module.id).length;
          expect(count).toBe(exam.quotas.get(module.id));
        }
      }),
      RUNS,
    );
  });

  it('gives every module between min(min, |pool|) and min(max, |pool|)', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        for (const module of input.modules) {
          const quota = exam.quotas.get(module.id) ?? -1;
          expect(quota).toBeGreaterThanOrEqual(Math.min(input.minPerModule, module.pool.length));
          expect(quota).toBeLessThanOrEqual(Math.min(input.maxPerModule, module.pool.length));
        }
      }),
      RUNS,
    );
  });

  it('never gives a weak module fewer questions than a non-weak module with a pool no larger', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        const weak = new Set(exam.weakModuleIds);
        for (const w of input.modules.filter((m) => weak.has(m.id))) {
          for (const other of input.modules.filter((m) => !weak.has(m.id))) {
            if (w.pool.length >= other.pool.length) {
              expect(exam.quotas.get(w.id)).toBeGreaterThanOrEqual(exam.quotas.get(other.id) ?? 0);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('fills the weak modules to their cap, weakest first, before any other module gets more than its minimum', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        const floor = (m: ModuleForComposition) => Math.min(input.minPerModule, m.pool.length);
        const cap = (m: ModuleForComposition) => Math.min(input.maxPerModule, m.pool.length);
        const weak = exam.weakModuleIds.map((id) => input.modules.find((m) => m.id === id) as ModuleForComposition);
        const raisedOthers = input.modules.some(
          (m) => !exam.weakModuleIds.includes(m.id) && (exam.quotas.get(m.id) ?? 0) > floor(m),
        );
        weak.forEach((module, i) => {
          const quota = exam.quotas.get(module.id) ?? 0;
          if (raisedOthers) expect(quota).toBe(cap(module));
          if (quota < cap(module)) {
            for (const later of weak.slice(i + 1)) expect(exam.quotas.get(later.id)).toBe(floor(later));
          }
        });
      }),
      RUNS,
    );
  });

  it('names the K lowest-mastery modules, weakest first, ties to the lower position', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        expect(exam.weakModuleIds).toHaveLength(input.weakModules);
        const rank = (id: string) => input.modules.find((m) => m.id === id) as ModuleForComposition;
        const weak = exam.weakModuleIds.map(rank);
        for (let i = 1; i < weak.length; i += 1) {
          const [a, b] = [weak[i - 1] as ModuleForComposition, weak[i] as ModuleForComposition];
          expect(a.mastery < b.mastery || (a.mastery === b.mastery && a.position < b.position)).toBe(true);
        }
        for (const other of input.modules.filter((m) => !exam.weakModuleIds.includes(m.id))) {
          for (const w of weak) {
            expect(w.mastery < other.mastery || (w.mastery === other.mastery && w.position < other.position)).toBe(
              true,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('prefers unseen questions: seen ones only once a module has run out of unseen ones', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const exam = composed(input);
        for (const module of input.modules) {
          const quota = exam.quotas.get(module.id) ?? 0;
          const unseen = module.pool.filter((q) => !input.seen.has(q.id)).length;
          const pickedSeen = exam.questions.filter((q) => q.moduleId === module.id && input.seen.has(q.questionId));
          expect(pickedSeen.length).toBe(Math.max(0, quota - unseen));
        }
      }),
      RUNS,
    );
  });

  it('gives the same exam for the same seed, whatever order the modules come in', () => {
    fc.assert(
      fc.property(feasible, (input) => {
        const first = composed(input);
        expect(composed(input)).toEqual(first);
        expect(composed({ ...input, modules: [...input.modules].reverse() })).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('composeExam (examples)', () => {
  const pool = (moduleId: string, size: number) =>
    Array.from({ length: size }, (_, q) => ({ id: `${moduleId}-${q}`, moduleId, stagePosition: null }));
  const modules = [
    { id: 'a', position: 1, mastery: 0.5, pool: pool('a', 10) },
    { id: 'b', position: 2, mastery: 0.2, pool: pool('b', 10) },
    { id: 'c', position: 3, mastery: 0.2, pool: pool('c', 2) },
    { id: 'd', position: 4, mastery: 0.9, pool: pool('d', 10) },
  ];
  const input: ExamCompositionInput = {
    modules,
    questionCount: 12,
    minPerModule: 1,
    maxPerModule: 4,
    weakModules: 2,
    seen: new Set(),
    seed: 42,
  };

  it('raises the weak modules first, then round-robins by ascending mastery', () => {
    // Step 1: a1 b1 c1 d1 = 4. Step 2 (weak: b, then c by position): b→4 (7), c→2 (8).
    // Step 3, order b c a d: b and c capped, a→2 (9), d→2 (10), a→3 (11), d→3 (12).
    const exam = composed(input);
    expect(exam.weakModuleIds).toEqual(['b', 'c']);
    expect(Object.fromEntries(exam.quotas)).toEqual({ a: 3, b: 4, c: 2, d: 3 });
  });

  it('round-robins by ascending mastery, not by position, when no module is weak', () => {
    const two = [
      { id: 'a', position: 1, mastery: 0.9, pool: pool('a', 5) },
      { id: 'b', position: 2, mastery: 0.1, pool: pool('b', 5) },
    ];
    const exam = composed({ ...input, modules: two, questionCount: 3, maxPerModule: 3, weakModules: 0 });
    expect(Object.fromEntries(exam.quotas)).toEqual({ a: 1, b: 2 });
  });

  it('fails with what the bank can hold when every pool is at its cap', () => {
    expect(composeExam({ ...input, questionCount: 15 })).toEqual({
      ok: false,
      reason: 'question_bank_too_small',
      available: 14,
      exhaustedModuleIds: ['c'],
    });
  });

  it('draws differently for different seeds', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        composed({ ...input, seed })
          .questions.map((q) => q.questionId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(15);
  });

  it('refuses settings the catalog would never accept', () => {
    expect(() => composeExam({ ...input, minPerModule: 5, maxPerModule: 4 })).toThrow(RangeError);
    expect(() => composeExam({ ...input, minPerModule: 4, questionCount: 12 + 3 })).toThrow(RangeError);
  });
});
