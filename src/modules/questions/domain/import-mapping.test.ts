import { describe, expect, it } from 'vitest';
import type { ParsedQuestion } from './formats/parsed-question.ts';
import { draftOf, type ImportTarget, importTargetIssues, prepareImport, readCategory } from './import-mapping.ts';

const target: ImportTarget = {
  track: {
    id: 't',
    slug: 'dance',
    modules: [
      { id: 'm-foot', slug: 'footwork', title: 'Footwork' },
      { id: 'm-rhythm', slug: 'rhythm', title: 'Ритм и такт' },
      { id: 'm-s', slug: 'stage-5', title: 'A module with a stage-like slug' },
    ],
    stages: [
      { id: 's1', position: 1 },
      { id: 's2', position: 2 },
    ],
  },
};

const parsed = (overrides: Partial<ParsedQuestion> = {}): ParsedQuestion => ({
  line: 3,
  kind: 'single',
  text: 'Q',
  textFormat: 'markdown',
  options: ['a', 'b'],
  correct: [0],
  optionFeedback: [undefined, undefined],
  ...overrides,
});

describe('readCategory', () => {
  it.each([
    ['footwork', 'm-foot', undefined],
    ['FOOTWORK', 'm-foot', undefined],
    ['ритм и ТАКТ', 'm-rhythm', undefined],
    ['$course$/top/footwork', 'm-foot', undefined],
    ['$course$/top/dance/footwork/stage-2', 'm-foot', 2],
    ['dance/rhythm', 'm-rhythm', undefined],
    ['$system$/Top/Moodle/Footwork', 'm-foot', undefined],
    ['stage-2', undefined, 2],
    ['stage-5', 'm-s', undefined],
    ['$course$/top', undefined, undefined],
  ])('%s → module %s, stage %s', (category, moduleId, stage) => {
    expect(readCategory(category, target)).toEqual({ moduleId, stage });
  });

  it("prefers a module's slug to another module's equal title (the export names modules by slug)", () => {
    const clashing: ImportTarget = {
      track: {
        ...target.track,
        modules: [
          { id: 'm-a', slug: 'first', title: 'Basics' },
          { id: 'm-b', slug: 'basics', title: 'Second' },
        ],
      },
    };
    expect(readCategory('basics', clashing)).toEqual({ moduleId: 'm-b', stage: undefined });
    expect(readCategory('Second', clashing)).toEqual({ moduleId: 'm-b', stage: undefined });
  });

  it('refuses a category naming no module of the track', () => {
    expect(readCategory('$course$/top/salsa/stage-1', target)).toEqual({
      code: 'unknown_module',
      params: { module: 'salsa' },
    });
  });
});

describe('draftOf', () => {
  it('needs a module from the category or the import, and a known stage', () => {
    expect(draftOf(parsed(), target)).toEqual({ code: 'no_module' });
    expect(draftOf(parsed({ stage: 3 }), { ...target, moduleId: 'm-foot' })).toEqual({
      code: 'unknown_stage',
      params: { stage: 3 },
    });
    expect(draftOf(parsed({ category: 'rhythm' }), { ...target, moduleId: 'm-foot', stageId: 's1' })).toMatchObject({
      moduleId: 'm-rhythm',
      stageId: 's1',
    });
    expect(draftOf(parsed({ category: 'rhythm', stage: 2 }), { ...target, stageId: 's1' })).toMatchObject({
      stageId: 's2',
    });
  });

  it('folds per-option feedback into the explanation and converts the text format', () => {
    const draft = draftOf(
      parsed({
        category: 'footwork',
        textFormat: 'html',
        text: '<b>Bold</b> question',
        options: ['<i>a</i>', 'b*'],
        optionFeedback: ['Right!', undefined],
        explanation: '<p>General</p>',
      }),
      target,
    );
    expect(draft).toEqual({
      trackId: 't',
      moduleId: 'm-foot',
      stageId: null,
      kind: 'single',
      name: null,
      text: '**Bold** question',
      options: ['a', 'b*'],
      correct: [0],
      explanation: 'General\n\n- a — Right!',
    });
    expect(draftOf(parsed({ category: 'footwork', optionFeedback: [undefined, 'No'] }), target)).toMatchObject({
      explanation: '- b — No',
    });
  });
});

describe('prepareImport', () => {
  it('keeps the parser rejections, adds its own and the rules', () => {
    const result = prepareImport(
      {
        questions: [
          parsed({ line: 1, category: 'footwork' }),
          parsed({ line: 5, category: 'footwork', options: ['same', ' same'] }),
          parsed({ line: 9 }),
        ],
        rejected: [{ line: 3, reason: { code: 'empty_text' } }],
      },
      target,
    );
    expect(result.accepted.map((question) => question.line)).toEqual([1]);
    expect(result.rejected).toEqual([
      { line: 3, reason: { code: 'empty_text' } },
      { line: 5, reason: { code: 'duplicate_option', params: { option: 2 } } },
      { line: 9, reason: { code: 'no_module' } },
    ]);
  });

  it('refuses an empty file', () => {
    expect(prepareImport({ questions: [], rejected: [] }, target).rejected).toEqual([
      { line: 1, reason: { code: 'no_questions' } },
    ]);
  });

  it('checks that the import module and stage belong to the track', () => {
    expect(importTargetIssues({ ...target, moduleId: 'm-foot', stageId: 's2' })).toEqual([]);
    expect(importTargetIssues({ ...target, moduleId: 'x', stageId: 'y' })).toEqual([
      { path: '/moduleId', code: 'module_not_in_track' },
      { path: '/stageId', code: 'stage_not_in_track' },
    ]);
  });
});
