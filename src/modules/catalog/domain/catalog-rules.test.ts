import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidCatalogInputError, QuestionBankTooSmallError } from './errors.ts';
import { changedPositions, moveTo, without } from './positions.ts';
import { assertActivatable, publicationBlockers } from './readiness.ts';
import { DEFAULT_SETTINGS, type SettingsParams } from './settings.ts';
import { checkedNewSettings, diffSettings, SETTINGS_FIELDS, unknownSettingsFields } from './settings-fields.ts';
import { checkedFields, checkedPosition } from './track.ts';

const ids = fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 12 });

describe('positions', () => {
  it('moves an item to its new place, keeping the others in their order', () => {
    fc.assert(
      fc.property(ids, fc.nat(), fc.integer({ min: -5, max: 20 }), (order, pick, position) => {
        const id = order[pick % order.length]!;
        const moved = moveTo(order, id, position);
        expect([...moved].sort()).toEqual([...order].sort());
        expect(moved.indexOf(id) + 1).toBe(Math.min(Math.max(position, 1), order.length));
        expect(moved.filter((other) => other !== id)).toEqual(order.filter((other) => other !== id));
      }),
    );
  });

  it('renumbers only what changed, leaving positions 1..n without gaps', () => {
    fc.assert(
      fc.property(ids, fc.nat(), fc.boolean(), (order, pick, remove) => {
        const id = order[pick % order.length]!;
        const after = remove ? without(order, id) : moveTo(order, id, 1);
        const positions = new Map(order.map((item, index) => [item, index + 1]));
        for (const change of changedPositions(order, after)) positions.set(change.id, change.position);
        const final = after.map((item) => positions.get(item));
        expect(final).toEqual(after.map((_, index) => index + 1));
        for (const change of changedPositions(order, after))
          expect(order.indexOf(change.id) + 1).not.toBe(change.position);
      }),
    );
  });

  it('examples', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(changedPositions(['a', 'b', 'c'], without(['a', 'b', 'c'], 'a'))).toEqual([
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ]);
    expect(() => checkedPosition(4, 3)).toThrow(InvalidCatalogInputError);
    expect(checkedPosition(3, 3)).toBe(3);
  });
});

describe('track fields', () => {
  const issuesOf = (fields: Parameters<typeof checkedFields>[0]) => {
    try {
      checkedFields(fields);
      return [];
    } catch (error) {
      return (error as InvalidCatalogInputError).issues.map((issue) => `${issue.path} ${issue.code}`);
    }
  };

  it.each([
    ['hip-hop', true],
    ['a1-b2-c3', true],
    ['x'.repeat(80), true],
    ['x'.repeat(81), false],
    ['Hip-hop', false],
    ['-a', false],
    ['a-', false],
    ['a--b', false],
    ['a_b', false],
    ['ёжик', false],
    ['', false],
  ])('slug %j valid: %s', (slug, valid) => {
    expect(issuesOf({ slug }).length === 0).toBe(valid);
  });

  it('trims titles and reports every failing field', () => {
    expect(checkedFields({ title: '  Title ', description: '' })).toEqual({ title: 'Title', description: '' });
    expect(issuesOf({ title: ' ', slug: 'A', description: 'x'.repeat(20_001) })).toEqual([
      '/title required',
      '/slug slug_format',
      '/description too_long',
    ]);
    expect(issuesOf({ title: '😀'.repeat(200) })).toEqual([]);
  });
});

describe('settings diff', () => {
  const settingsArbitrary = fc.record({
    questionsPerModule: fc.integer({ min: 1, max: 20 }),
    passPercent: fc.integer({ min: 1, max: 100 }),
    reveal: fc.boolean(),
    approval: fc.boolean(),
  });
  const build = (s: { questionsPerModule: number; passPercent: number; reveal: boolean; approval: boolean }) =>
    ({
      ...DEFAULT_SETTINGS,
      diagnostic: { questionsPerModule: s.questionsPerModule },
      levelExam: { ...DEFAULT_SETTINGS.levelExam, passPercent: s.passPercent, revealCorrectAnswers: s.reveal },
      approval: { required: s.approval },
    }) satisfies SettingsParams;

  it('lists exactly the changed fields, with before and after; a version compared to itself has none', () => {
    fc.assert(
      fc.property(settingsArbitrary, settingsArbitrary, (a, b) => {
        const [before, after] = [build(a), build(b)];
        const changes = diffSettings(before, after);
        expect(diffSettings(before, before)).toEqual([]);
        const expected = [
          a.questionsPerModule !== b.questionsPerModule && '/diagnostic/questionsPerModule',
          a.passPercent !== b.passPercent && '/levelExam/passPercent',
          a.reveal !== b.reveal && '/levelExam/revealCorrectAnswers',
          a.approval !== b.approval && '/approval/required',
        ].filter(Boolean);
        expect(changes.map((change) => change.path)).toEqual(expected);
        expect(diffSettings(after, before)).toEqual(
          changes.map((c) => ({ path: c.path, before: c.after, after: c.before })),
        );
      }),
    );
  });

  it('knows every field of the defaults', () => {
    const paths = SETTINGS_FIELDS.map((field) => `/${field.group}/${field.name}`);
    const defaults = Object.entries(DEFAULT_SETTINGS).flatMap(([group, values]) =>
      Object.keys(values).map((name) => `/${group}/${name}`),
    );
    expect(paths.sort()).toEqual(defaults.sort());
    expect(unknownSettingsFields(DEFAULT_SETTINGS)).toEqual([]);
    expect(unknownSettingsFields({ levelExam: { 'a/b~': 1 }, x: 1 })).toEqual([
      { path: '/levelExam/a~1b~0', code: 'unknown_field' },
      { path: '/x', code: 'unknown_field' },
    ]);
  });

  it('checks new settings with the note, under /params', () => {
    expect(checkedNewSettings({}, ' note ', 4)).toEqual({ params: DEFAULT_SETTINGS, note: 'note' });
    expect(() => checkedNewSettings({}, '', 0)).toThrow(expect.objectContaining({ code: 'catalog.invalid_settings' }));
  });
});

describe('readiness', () => {
  const outline = {
    stages: [
      { id: 's1', position: 1, title: 'One' },
      { id: 's2', position: 2, title: 'Two' },
    ],
    modules: [
      { id: 'm1', slug: 'footwork', title: 'Footwork' },
      { id: 'm2', slug: 'rhythm', title: 'Rhythm' },
    ],
  };
  const settings = {
    diagnostic: { questionsPerModule: 1 },
    levelExam: { questionCount: 4, minPerModule: 0, maxPerModule: 4 },
    rankFinal: { questionCount: 4, minPerModule: 0, maxPerModule: 4 },
  };
  const pool = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([key, count]) => {
      const [moduleId, stageId] = key.split('@') as [string, string | undefined];
      return Array.from({ length: count }, () => ({ moduleId, stageId: stageId ?? null }));
    });

  it('names everything missing, in order', () => {
    expect(publicationBlockers({ stages: [], modules: [] }, null, [])).toEqual([
      { code: 'stages_required' },
      { code: 'modules_required' },
      { code: 'settings_required' },
    ]);
    expect(publicationBlockers(outline, { version: 1, params: settings }, pool({ m1: 2, m2: 2 }))).toEqual([]);
  });

  it('names the stage and module short of questions, preferring a level exam', () => {
    const bank = pool({ m1: 1, 'm2@s1': 3, 'm2@s2': 1 });
    const blockers = publicationBlockers(outline, { version: 1, params: settings }, bank);
    expect(blockers).toEqual([
      {
        code: 'question_bank_too_small',
        shortages: [
          {
            scope: 'level_exam',
            stage: { position: 2, title: 'Two' },
            module: outline.modules[0],
            available: 1,
            needed: 3,
          },
          {
            scope: 'level_exam',
            stage: { position: 2, title: 'Two' },
            module: outline.modules[1],
            available: 1,
            needed: 3,
          },
        ],
      },
    ]);
    const error = (() => {
      try {
        assertActivatable(outline, { version: 1, params: settings }, bank);
      } catch (caught) {
        return caught as QuestionBankTooSmallError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(QuestionBankTooSmallError);
    expect(error?.params).toEqual({
      stage: '2',
      stageTitle: 'Two',
      module: 'Footwork',
      moduleSlug: 'footwork',
      available: 1,
      needed: 3,
      gaps: 2,
    });
    expect(error?.issues.map((issue) => issue.path)).toEqual([
      '/levelExam/stages/2/modules/footwork',
      '/levelExam/stages/2/modules/rhythm',
    ]);
  });
});
