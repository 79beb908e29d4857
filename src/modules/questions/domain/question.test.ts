import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  normalizeDraft,
  type QuestionDraftFields,
  sameContent,
  validateQuestionDraft,
} from './question.ts';

const track = { modules: [{ id: 'm1' }, { id: 'm2' }], stages: [{ id: 's1' }] };
const valid: QuestionDraftFields = {
  trackId: 't',
  moduleId: 'm1',
  stageId: 's1',
  kind: 'single',
  name: null,
  text: 'Q?',
  options: ['a', 'b'],
  correct: [1],
  explanation: '',
};

describe('validateQuestionDraft', () => {
  it('accepts a valid draft, single or multiple', () => {
    expect(validateQuestionDraft(valid, track)).toEqual([]);
    expect(validateQuestionDraft({ ...valid, kind: 'multiple', correct: [0, 1], stageId: null }, track)).toEqual([]);
    expect(validateQuestionDraft({ ...valid, options: Array.from({ length: 10 }, (_, i) => `o${i}`) }, track)).toEqual(
      [],
    );
  });

  it.each([
    ['an unknown track', valid, undefined, [{ path: '/trackId', code: 'unknown_track' }]],
    [
      'a module of another track',
      { ...valid, moduleId: 'x' },
      track,
      [{ path: '/moduleId', code: 'module_not_in_track' }],
    ],
    ['a stage of another track', { ...valid, stageId: 'x' }, track, [{ path: '/stageId', code: 'stage_not_in_track' }]],
    ['a blank text', { ...valid, text: ' \n ' }, track, [{ path: '/text', code: 'empty_text' }]],
    [
      'a long text',
      { ...valid, text: 'x'.repeat(20_001) },
      track,
      [{ path: '/text', code: 'text_too_long', params: { max: 20_000 } }],
    ],
    ['a blank name', { ...valid, name: ' ' }, track, [{ path: '/name', code: 'empty_name' }]],
    [
      'a long name',
      { ...valid, name: 'n'.repeat(201) },
      track,
      [{ path: '/name', code: 'name_too_long', params: { max: 200 } }],
    ],
    [
      'a long explanation',
      { ...valid, explanation: 'e'.repeat(20_001) },
      track,
      [{ path: '/explanation', code: 'explanation_too_long', params: { max: 20_000 } }],
    ],
    [
      'one option',
      { ...valid, options: ['a'], correct: [0] },
      track,
      [{ path: '/options', code: 'too_few_options', params: { count: 1 } }],
    ],
    [
      'eleven options',
      { ...valid, options: Array.from({ length: 11 }, (_, i) => `o${i}`) },
      track,
      [{ path: '/options', code: 'too_many_options', params: { count: 11 } }],
    ],
    [
      'options equal after trimming',
      { ...valid, options: ['a', ' a '] },
      track,
      [{ path: '/options/1', code: 'duplicate_option', params: { option: 2 } }],
    ],
    ['no correct option', { ...valid, correct: [] }, track, [{ path: '/correct', code: 'no_correct_option' }]],
    [
      'a negative index',
      { ...valid, correct: [-1] },
      track,
      [{ path: '/correct/0', code: 'correct_out_of_range', params: { value: 0 } }],
    ],
    [
      'a fractional index',
      { ...valid, correct: [0.5] },
      track,
      [{ path: '/correct/0', code: 'correct_out_of_range', params: { value: 1.5 } }],
    ],
    [
      'two correct in a single',
      { ...valid, correct: [0, 1] },
      track,
      [{ path: '/correct', code: 'single_needs_one_correct' }],
    ],
    [
      'a repeated index',
      { ...valid, kind: 'multiple' as const, correct: [1, 1] },
      track,
      [{ path: '/correct/1', code: 'duplicate_correct', params: { value: 2 } }],
    ],
  ])('refuses %s', (_name, draft, place, issues) => {
    expect(validateQuestionDraft(draft, place)).toEqual(issues);
  });

  it('reports every failing field at once', () => {
    const issues = validateQuestionDraft({ ...valid, moduleId: 'x', text: '', options: ['', 'b'], correct: [] }, track);
    expect(issues.map((issue) => issue.path)).toEqual(['/moduleId', '/text', '/options/0', '/correct']);
  });
});

describe('normalizeDraft, applyChanges and sameContent', () => {
  it('trims texts, options and the name; a blank name is no name', () => {
    expect(normalizeDraft({ ...valid, name: '  ', text: ' Q? \n', options: [' a', 'b '], explanation: ' e ' })).toEqual(
      {
        ...valid,
        name: null,
        text: 'Q?',
        options: ['a', 'b'],
        explanation: 'e',
      },
    );
  });

  it('applies only the fields given; null clears the stage and the name', () => {
    const current = { ...valid, name: 'N' };
    expect(applyChanges(current, { text: 'New', stageId: null, name: undefined })).toEqual({
      ...current,
      text: 'New',
      stageId: null,
    });
    expect(sameContent(current, applyChanges(current, {}))).toBe(true);
    expect(sameContent(current, applyChanges(current, { correct: [0] }))).toBe(false);
    expect(sameContent(current, applyChanges(current, { options: ['a', 'c'] }))).toBe(false);
  });
});
