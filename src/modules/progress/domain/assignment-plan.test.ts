import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAssignments } from './assignment-plan.ts';

const articleId = fc.constantFrom<string>(...Array.from({ length: 12 }, (_, index) => `a${index}`));
const moduleId = fc.constantFrom<string>('m1', 'm2', 'm3', 'm4');

const scenario: fc.Arbitrary<Scenario> = fc.record({
  core: fc.uniqueArray(articleId, { maxLength: 4 }),
  weak: fc.uniqueArray(moduleId, { maxLength: 3 }),
  remedial: fc.dictionary(moduleId, fc.uniqueArray(articleId, { maxLength: 6 })),
  extra: fc.integer({ min: 0, max: 4 }),
  completed: fc.uniqueArray(articleId, { maxLength: 6 }),
});

type Scenario = {
  core: string[];
  weak: string[];
  remedial: Partial<Record<string, string[]>>;
  extra: number;
  completed: string[];
};

function plan(input: Scenario) {
  return planAssignments({
    core: input.core.map((id) => ({ id })),
    weakModules: input.weak.map((id, index) => ({ moduleId: id, mastery: 0.2 + index / 10 })),
    remedialByModule: new Map(
      Object.entries(input.remedial).map(([id, ids]) => [id, (ids ?? []).map((article) => ({ id: article }))]),
    ),
    extraPerWeakModule: input.extra,
    completedArticleIds: new Set(input.completed),
  });
}

describe('planAssignments', () => {
  it('assigns every core article first, in order, and nothing twice', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const planned = plan(input);
        expect(planned.slice(0, input.core.length).map((row) => [row.articleId, row.reason])).toEqual(
          input.core.map((id) => [id, 'core']),
        );
        expect(new Set(planned.map((row) => row.articleId)).size).toBe(planned.length);
        expect(planned.map((row) => row.position)).toEqual(planned.map((_, index) => index + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds remedial articles only for weak modules, at most `extra` each, none completed before', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const remedial = plan(input).filter((row) => row.reason === 'remedial');
        for (const row of remedial) {
          expect(input.weak).toContain(row.weakModuleId);
          expect(input.remedial[row.weakModuleId!]).toContain(row.articleId);
          expect(input.completed).not.toContain(row.articleId);
          expect(row.weakMastery).toBe(0.2 + input.weak.indexOf(row.weakModuleId!) / 10);
        }
        for (const weak of input.weak) {
          const taken = remedial.filter((row) => row.weakModuleId === weak).length;
          const available = (input.remedial[weak] ?? []).filter(
            (id) => !input.completed.includes(id) && !input.core.includes(id),
          ).length;
          // As many as allowed, unless another weak module (weaker) took the same article first.
          expect(taken).toBeLessThanOrEqual(input.extra);
          if (taken < input.extra) {
            const free = (input.remedial[weak] ?? []).filter(
              (id) =>
                !input.completed.includes(id) &&
                !input.core.includes(id) &&
                !remedial.some((row) => row.articleId === id),
            );
            expect(free).toEqual([]);
          }
          expect(taken).toBeLessThanOrEqual(available);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the first candidates of the weakest module first', () => {
    const planned = planAssignments({
      core: [{ id: 'core' }],
      weakModules: [
        { moduleId: 'm2', mastery: 0.25 },
        { moduleId: 'm1', mastery: 0.4 },
      ],
      remedialByModule: new Map([
        ['m1', [{ id: 'shared' }, { id: 'r1' }]],
        ['m2', [{ id: 'done' }, { id: 'shared' }, { id: 'r2' }]],
      ]),
      extraPerWeakModule: 1,
      completedArticleIds: new Set(['done']),
    });
    expect(planned).toEqual([
      { articleId: 'core', reason: 'core', weakModuleId: null, weakMastery: null, position: 1 },
      { articleId: 'shared', reason: 'remedial', weakModuleId: 'm2', weakMastery: 0.25, position: 2 },
      { articleId: 'r1', reason: 'remedial', weakModuleId: 'm1', weakMastery: 0.4, position: 3 },
    ]);
  });
});
