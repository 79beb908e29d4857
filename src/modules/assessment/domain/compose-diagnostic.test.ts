import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDiagnostic } from './compose-diagnostic.ts';
import type { DiagnosticCompositionInput, PoolQuestion } from './composition-types.ts';

const RUNS = { numRuns: 3000 };

/** Up to 5 modules whose questions sit on stage tiers 1..4 or on no tier (null). */
const diagnosticInput: fc.Arbitrary<DiagnosticCompositionInput> = fc
  .record({
    modules: fc.array(fc.array(fc.constantFrom<number | null>(1, 2, 3, 4, null), { maxLength: 12 }), {
      minLength: 1,
      maxLength: 5,
    }),
    questionsPerModule: fc.integer({ min: 0, max: 8 }),
    seed: fc.integer(),
  })
  .map(({ modules, questionsPerModule, seed }) => ({
    modules: modules.map((tiers, m) => ({
      id: `m${m}`,
      position: m + 1,
      pool: tiers.map((stagePosition, q) => ({ id: `m${m}-q${q}`, moduleId: `m${m}`, stagePosition })),
    })),
    questionsPerModule,
    seed,
  }));

/** Tier order: stage positions ascending, untiered last. */
const tierKey = (stage: number | null) => stage ?? Number.POSITIVE_INFINITY;

describe('composeDiagnostic (properties)', () => {
  it('takes min(questionsPerModule, |pool|) per module, from its pool, none twice, positions 1..n', () => {
    fc.assert(
      fc.property(diagnosticInput, (input) => {
        const { questions } = composeDiagnostic(input);
        const expected = input.modules.reduce((t, m) => t + Math.min(input.questionsPerModule, m.pool.length), 0);
        expect(questions).toHaveLength(expected);
        expect(questions.map((q) => q.position)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
        expect(new Set(questions.map((q) => q.questionId)).size).toBe(expected);
        for (const module of input.modules) {
          const ids = new Set(module.pool.map((q) => q.id));
          const mine = questions.filter((q) => q.moduleId === module.id);
          expect(mine).toHaveLength(Math.min(input.questionsPerModule, module.pool.length));
          for (const question of mine) expect(ids.has(question.questionId)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('spreads each module over its tiers from the lowest up: a lower tier never has fewer unless it ran out', () => {
    fc.assert(
      fc.property(diagnosticInput, (input) => {
        const { questions } = composeDiagnostic(input);
        const picked = new Set(questions.map((q) => q.questionId));
        for (const module of input.modules) {
          const tiers = [...new Set(module.pool.map((q) => q.stagePosition))].sort((a, b) => tierKey(a) - tierKey(b));
          const size = (tier: number | null) => module.pool.filter((q) => q.stagePosition === tier).length;
          const count = (tier: number | null) =>
            module.pool.filter((q: PoolQuestion) => q.stagePosition === tier && picked.has(q.id)).length;
          for (let i = 0; i < tiers.length; i += 1) {
            for (let j = i + 1; j < tiers.length; j += 1) {
              const [lower, higher] = [tiers[i] as number | null, tiers[j] as number | null];
              // The lower tier is ahead by at most one round, and behind only if exhausted.
              expect(count(lower) >= count(higher) || count(lower) === size(lower)).toBe(true);
              expect(count(higher) >= count(lower) - 1 || count(higher) === size(higher)).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same diagnostic for the same seed', () => {
    fc.assert(
      fc.property(diagnosticInput, (input) => {
        expect(composeDiagnostic(input)).toEqual(composeDiagnostic(input));
      }),
      RUNS,
    );
  });
});

describe('composeDiagnostic (examples)', () => {
  const module = {
    id: 'a',
    position: 1,
    pool: [
      { id: 'u1', moduleId: 'a', stagePosition: null },
      { id: 's3', moduleId: 'a', stagePosition: 3 },
      { id: 's1a', moduleId: 'a', stagePosition: 1 },
      { id: 's1b', moduleId: 'a', stagePosition: 1 },
      { id: 's2', moduleId: 'a', stagePosition: 2 },
    ],
  };

  it('takes one question per tier, lowest tiers first, untiered last', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const ids = composeDiagnostic({ modules: [module], questionsPerModule: 3, seed }).questions.map(
        (q) => q.questionId,
      );
      expect(ids.filter((id) => id.startsWith('s1'))).toHaveLength(1);
      expect(ids).toContain('s2');
      expect(ids).toContain('s3');
    }
    const five = composeDiagnostic({ modules: [module], questionsPerModule: 5, seed: 1 }).questions;
    expect(new Set(five.map((q) => q.questionId))).toEqual(new Set(['u1', 's3', 's1a', 's1b', 's2']));
  });

  it('mixes the modules together at random', () => {
    const other = { ...module, id: 'b', position: 2, pool: module.pool.map((q) => ({ ...q, id: `b-${q.id}` })) };
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        composeDiagnostic({ modules: [module, other], questionsPerModule: 4, seed })
          .questions.map((q) => q.moduleId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(5);
  });
});
