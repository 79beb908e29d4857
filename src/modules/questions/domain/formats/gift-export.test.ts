import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGift, type ExportableQuestion } from './gift-export.ts';
import { GIFT_EVERY_CONSTRUCT } from './gift-fixtures.ts';
import { parseGift } from './gift-parser.ts';

const roundTripped = (questions: readonly ExportableQuestion[]) => {
  const { questions: parsed, rejected } = parseGift(exportGift(questions));
  expect(rejected).toEqual([]);
  return parsed.map(({ name, category, kind, text, textFormat, options, correct, optionFeedback, explanation }) => ({
    name,
    category,
    kind,
    text,
    textFormat,
    options,
    correct,
    optionFeedback,
    explanation,
  }));
};

describe('exportGift', () => {
  it('writes categories, names, Markdown texts, markers, feedback and weights as Moodle reads them', () => {
    const gift = exportGift([
      {
        category: 'Алгебра/Дроби',
        name: 'Half: ½',
        kind: 'single',
        text: 'What is **1/2** of {4}?\nPick one.',
        options: ['2', '= 8', '#1'],
        correct: [0],
        optionFeedback: ['Right.', undefined, 'No ~ not a tag.'],
        explanation: 'Halve it: 4 / 2 = 2.',
      },
      {
        category: 'Алгебра/Дроби',
        kind: 'multiple',
        text: 'Which are even?',
        options: ['2', '3', '4', '6'],
        correct: [0, 2, 3],
      },
      { kind: 'multiple', text: 'Only one right', options: ['yes', 'no'], correct: [0] },
    ]);
    expect(gift).toBe(
      [
        '$CATEGORY: Алгебра/Дроби',
        '',
        '::Half\\: ½::[markdown]What is **1/2** of \\{4\\}?\\nPick one. {',
        '\t=2#Right.',
        '\t~\\= 8',
        '\t~\\#1#No \\~ not a tag.',
        '\t####Halve it\\: 4 / 2 \\= 2.',
        '}',
        '',
        '[markdown]Which are even? {',
        '\t~%33.33333%2',
        '\t~%-100%3',
        '\t~%33.33333%4',
        '\t~%33.33333%6',
        '}',
        '',
        '$CATEGORY:',
        '',
        '[markdown]Only one right {',
        '\t~%100%yes',
        '\t~%-100%no',
        '}',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [1, '100'],
    [2, '50'],
    [3, '33.33333'],
    [4, '25'],
    [5, '20'],
    [6, '16.66667'],
    [7, '14.28571'],
    [8, '12.5'],
    [9, '11.11111'],
    [10, '10'],
  ])('splits 100 over %i right options as %s each, which reads back as adding up to 100', (count, weight) => {
    const options = Array.from({ length: 10 }, (_, n) => `option ${n}`);
    const correct = Array.from({ length: count }, (_, n) => n);
    const gift = exportGift([{ kind: 'multiple', text: 'Q', options, correct }]);
    expect(gift.split('\n').filter((line) => line.startsWith(`\t~%${weight}%`))).toHaveLength(count);
    expect(roundTripped([{ kind: 'multiple', text: 'Q', options, correct }])[0]?.correct).toEqual(correct);
  });

  it('keeps texts that look like GIFT structure as plain text', () => {
    const questions: ExportableQuestion[] = [
      {
        name: '[html]not a format',
        kind: 'single',
        text: '[html]<b>literal</b>\n// not a comment\n\n$CATEGORY: not one\n::not a name::',
        options: ['%50%right', '%50%wrong', '[plain]x', 'T'],
        correct: [0],
        optionFeedback: ['[moodle]fb', undefined, '####', '\\n'],
        explanation: '[markdown] stays',
      },
      {
        kind: 'multiple',
        text: 'TRUE',
        options: ['%-100%a', '{}', '->'],
        correct: [0, 1],
      },
    ];
    expect(roundTripped(questions)).toEqual([
      { ...questions[0], category: undefined, textFormat: 'markdown' },
      {
        ...questions[1],
        category: undefined,
        textFormat: 'markdown',
        optionFeedback: [undefined, undefined, undefined],
      },
    ]);
  });

  it('puts a category on one line and repeats none that is already in force', () => {
    const question = { kind: 'single', text: 'Q', options: ['a', 'b'], correct: [1] } as const;
    const gift = exportGift([
      { ...question, category: 'a\nb' },
      { ...question, category: 'a b' },
      question,
      question,
      { ...question, category: 'c' },
    ]);
    expect(gift.split('\n').filter((line) => line.startsWith('$CATEGORY'))).toEqual([
      '$CATEGORY: a b',
      '$CATEGORY:',
      '$CATEGORY: c',
    ]);
    expect(parseGift(gift).questions.map((parsed) => parsed.category)).toEqual([
      'a b',
      'a b',
      undefined,
      undefined,
      'c',
    ]);
  });

  it('gives back the parsed fixture’s choice questions', () => {
    const parsed = parseGift(GIFT_EVERY_CONSTRUCT).questions;
    expect(roundTripped(parsed)).toEqual(
      parsed.map(({ line: _line, textFormat: _format, ...question }) => ({ ...question, textFormat: 'markdown' })),
    );
  });
});

describe('parseGift(exportGift(questions))', () => {
  const character = fc.constantFrom(
    ...[
      'a',
      'Z',
      '7',
      ' ',
      '\t',
      '\n',
      '~',
      '=',
      '#',
      '{',
      '}',
      ':',
      '\\',
      '%',
      '[',
      ']',
      '/',
      '-',
      '>',
      '_',
      '$',
      '*',
    ],
    ...['n', 'T', 'ж', 'Ё', 'я', '😀', '👍🏽', '中'],
  );
  const prefix = fc.constantFrom(
    '',
    '',
    '',
    '[html]',
    '[markdown]',
    '%50%',
    '%-100%',
    '//',
    '::',
    '$CATEGORY:',
    '####',
    '\\n',
    'T',
  );
  const text = fc
    .tuple(prefix, fc.array(character, { minLength: 1, maxLength: 24 }))
    .map(([start, characters]) => (start + characters.join('')).trim())
    .filter((value) => value !== '');
  const category = text.map((value) => value.replace(/\s+/g, ' ').trim()).filter((value) => value !== '');

  const question = fc
    .record({
      kind: fc.constantFrom('single' as const, 'multiple' as const),
      name: fc.option(text, { nil: undefined }),
      category: fc.option(category, { nil: undefined }),
      text,
      options: fc.array(text, { minLength: 2, maxLength: 10 }),
      explanation: fc.option(text, { nil: undefined }),
      withFeedback: fc.boolean(),
    })
    .chain(({ withFeedback, ...base }) => {
      const count = base.options.length;
      const index = fc.nat({ max: count - 1 });
      const correct =
        base.kind === 'single'
          ? index.map((n) => [n])
          : fc.uniqueArray(index, { minLength: 1, maxLength: count }).map((ns) => ns.sort((a, b) => a - b));
      const feedback = withFeedback
        ? fc.array(fc.option(text, { nil: undefined }), { minLength: count, maxLength: count })
        : fc.constant(undefined);
      return fc.record({ correct, optionFeedback: feedback }).map((rest) => ({ ...base, ...rest }));
    });

  it('gives back the same kind, name, category, text, options, right options, feedback and explanation', () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 6 }), (questions) => {
        expect(roundTripped(questions)).toEqual(
          questions.map((q) => ({
            ...q,
            textFormat: 'markdown',
            optionFeedback: q.optionFeedback ?? q.options.map(() => undefined),
          })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
