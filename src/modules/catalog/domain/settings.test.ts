import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BankQuestion, findFeasibilityGaps } from './feasibility.ts';
import { DEFAULT_SETTINGS, type SettingsParams, validateSettings } from './settings.ts';

const valid = (result: ReturnType<typeof validateSettings>): SettingsParams => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.params;
};

describe('settings validation', () => {
  it('fills every left-out field with its default', () => {
    expect(valid(validateSettings({}, 4))).toEqual(DEFAULT_SETTINGS);
    expect(valid(validateSettings({ levelExam: { passPercent: 90 } }, 4)).levelExam).toEqual({
      ...DEFAULT_SETTINGS.levelExam,
      passPercent: 90,
    });
  });

  it('reports every failing field at once, with JSON pointers', () => {
    const result = validateSettings(
      {
        diagnostic: { questionsPerModule: 0 },
        adaptivity: { weakModules: 5 },
        content: { minitestPassPercent: 101, extraArticlesPerWeakModule: 1.5 },
        levelExam: { minPerModule: 5, maxPerModule: 2 },
        rankFinal: { questionCount: 100, revealCorrectAnswers: 'yes' },
        approval: { required: 1 },
      },
      4,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.path} ${issue.code}`).sort()).toEqual(
      [
        '/diagnostic/questionsPerModule out_of_range',
        '/adaptivity/weakModules out_of_range',
        '/content/minitestPassPercent out_of_range',
        '/content/extraArticlesPerWeakModule not_an_integer',
        '/levelExam/minPerModule min_above_max',
        '/rankFinal/questionCount infeasible_question_count',
        '/rankFinal/revealCorrectAnswers not_a_boolean',
        '/approval/required not_a_boolean',
      ].sort(),
    );
    const infeasible = result.issues.find((issue) => issue.code === 'infeasible_question_count');
    expect(infeasible?.params).toEqual({ lowest: 8, highest: 24, modules: 4 });
  });

  it('accepts exactly the question counts min × modules ≤ N ≤ max × modules (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 200 }),
        (modules, min, max, questionCount) => {
          const result = validateSettings(
            { levelExam: { minPerModule: min, maxPerModule: max, questionCount } },
            modules,
          );
          const levelIssues = result.ok ? [] : result.issues.filter((issue) => issue.path.startsWith('/levelExam'));
          const expected = min <= max && min * modules <= questionCount && questionCount <= max * modules;
          expect(levelIssues.length === 0).toBe(expected);
        },
      ),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 0, max: 20 }), (input, modules) => {
        const result = validateSettings(input, modules);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('feasibility against the question bank', () => {
  const track = { stages: [1, 2], moduleIds: ['grooves', 'footwork'] };
  const settings: SettingsParams = {
    ...DEFAULT_SETTINGS,
    diagnostic: { questionsPerModule: 2 },
    levelExam: { ...DEFAULT_SETTINGS.levelExam, questionCount: 6, minPerModule: 1, maxPerModule: 4 },
    rankFinal: { ...DEFAULT_SETTINGS.rankFinal, questionCount: 8, minPerModule: 2, maxPerModule: 5 },
  };
  const questions = (moduleId: string, stage: number | null, count: number): BankQuestion[] =>
    Array.from({ length: count }, () => ({ moduleId, stage }));

  it('is feasible when every exam can be filled (stage-less questions serve every stage)', () => {
    const bank = [...questions('grooves', null, 3), ...questions('footwork', 1, 3), ...questions('footwork', 2, 3)];
    expect(findFeasibilityGaps(settings, track, bank)).toEqual([]);
  });

  it('names the stage and the modules that lack questions', () => {
    const bank = [...questions('grooves', 1, 4), ...questions('footwork', 1, 4), ...questions('footwork', 2, 1)];
    expect(findFeasibilityGaps(settings, track, bank)).toEqual([
      {
        scope: 'level_exam',
        stage: 2,
        needed: 6,
        available: 1,
        modules: [
          { moduleId: 'grooves', available: 0 },
          { moduleId: 'footwork', available: 1 },
        ],
      },
    ]);
  });

  it('checks the diagnostic per module and the rank final over all stages', () => {
    const bank = [...questions('grooves', null, 1), ...questions('footwork', null, 6)];
    const gaps = findFeasibilityGaps(settings, track, bank);
    // grooves has 1 question: short for the diagnostic (2 per module) and, with footwork's 4 at
    // most, for every exam.
    expect(gaps.map((gap) => `${gap.scope}:${gap.stage ?? '-'}`)).toEqual([
      'diagnostic:-',
      'level_exam:1',
      'level_exam:2',
      'rank_final:-',
    ]);
    expect(gaps[0]?.modules).toEqual([{ moduleId: 'grooves', available: 1 }]);
    expect(gaps[1]).toMatchObject({ needed: 6, available: 5 });
    expect(gaps[3]).toMatchObject({ needed: 8, available: 6 });
  });

  it('agrees with the composition arithmetic for any bank (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ moduleId: fc.constantFrom('a', 'b', 'c'), stage: fc.constantFrom(null, 1, 2) }), {
          maxLength: 40,
        }),
        (bank) => {
          const gaps = findFeasibilityGaps(settings, { stages: [1, 2], moduleIds: ['a', 'b', 'c'] }, bank);
          for (const stage of [1, 2]) {
            const supply = ['a', 'b', 'c']
              .map((m) => bank.filter((q) => q.moduleId === m && (q.stage === null || q.stage === stage)).length)
              .reduce((sum, size) => sum + Math.min(size, settings.levelExam.maxPerModule), 0);
            const flagged = gaps.some((gap) => gap.scope === 'level_exam' && gap.stage === stage);
            expect(flagged).toBe(supply < settings.levelExam.questionCount);
          }
        },
      ),
    );
  });
});
