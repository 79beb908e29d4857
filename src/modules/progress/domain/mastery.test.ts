import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { masteryOf, type ModuleStanding, weakModuleIds } from './mastery.ts';

const RUNS = { numRuns: 2000 };

describe('masteryOf', () => {
  it('is (correct + 1) / (answered + 2)', () => {
    expect(masteryOf({ answered: 0, correct: 0 })).toBe(0.5);
    expect(masteryOf({ answered: 2, correct: 2 })).toBe(0.75);
    expect(masteryOf({ answered: 8, correct: 0 })).toBe(0.1);
    expect(() => masteryOf({ answered: 1, correct: 2 })).toThrow(RangeError);
  });

  it('stays strictly between 0 and 1, rises with a right answer and falls with a wrong one', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(), (answered, raw) => {
        const correct = raw % (answered + 1);
        const mastery = masteryOf({ answered, correct });
        expect(mastery).toBeGreaterThan(0);
        expect(mastery).toBeLessThan(1);
        expect(masteryOf({ answered: answered + 1, correct: correct + 1 })).toBeGreaterThan(mastery);
        expect(masteryOf({ answered: answered + 1, correct })).toBeLessThan(mastery);
      }),
      RUNS,
    );
  });
});

describe('weakModuleIds', () => {
  it('picks the lowest mastery, ties to the lower position', () => {
    const modules = [
      { id: 'a', position: 1, mastery: 0.5 },
      { id: 'b', position: 2, mastery: 0.25 },
      { id: 'c', position: 3, mastery: 0.5 },
      { id: 'd', position: 4, mastery: 0.25 },
    ];
    expect(weakModuleIds(modules, 3)).toEqual(['b', 'd', 'a']);
    expect(weakModuleIds(modules, 0)).toEqual([]);
    expect(weakModuleIds(modules, 9)).toEqual(['b', 'd', 'a', 'c']);
  });

  const standings = fc.array(fc.constantFrom(0.1, 0.25, 0.5, 0.75), { maxLength: 8 }).chain((masteries) =>
    fc
      .shuffledSubarray(
        masteries.map((_, i) => i + 1),
        { minLength: masteries.length, maxLength: masteries.length },
      )
      .map((positions) =>
        masteries.map((mastery, i): ModuleStanding => ({ id: `m${i}`, position: positions[i] as number, mastery })),
      ),
  );

  it('returns min(k, modules) modules, weakest first, none stronger than one left out', () => {
    fc.assert(
      fc.property(standings, fc.nat(10), (modules, k) => {
        const weak = weakModuleIds(modules, k).map((id) => modules.find((m) => m.id === id) as ModuleStanding);
        expect(weak).toHaveLength(Math.min(k, modules.length));
        const before = (a: ModuleStanding, b: ModuleStanding) =>
          a.mastery < b.mastery || (a.mastery === b.mastery && a.position < b.position);
        for (let i = 1; i < weak.length; i += 1)
          expect(before(weak[i - 1] as ModuleStanding, weak[i] as ModuleStanding)).toBe(true);
        for (const other of modules.filter((m) => !weak.includes(m))) {
          for (const w of weak) expect(before(w, other)).toBe(true);
        }
        expect(weakModuleIds([...modules].reverse(), k)).toEqual(weak.map((m) => m.id));
      }),
      RUNS,
    );
  });
});
