import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GIFT_CRLF_WITH_BOM, GIFT_EVERY_CONSTRUCT, GIFT_MOODLE_EXPORT } from './gift-fixtures.ts';
import { parseGift } from './gift-parser.ts';
import type { ParsedQuestion } from './parsed-question.ts';

const ARITHMETIC = '$course$/top/Arithmetic';
const LOGIC = '$course$/top/Logic';
const TRUE_FALSE = ['True', 'False'];
const none = (count: number) => Array.from({ length: count }, () => undefined);

/** A single choice in the `moodle` format without feedback unless `fields` say otherwise. */
const read = (
  line: number,
  fields: Partial<ParsedQuestion> & Pick<ParsedQuestion, 'text' | 'options' | 'correct'>,
) => ({
  line,
  kind: 'single',
  textFormat: 'moodle',
  optionFeedback: none(fields.options.length),
  ...fields,
});

describe('parseGift on a file with every construct', () => {
  const result = parseGift(GIFT_EVERY_CONSTRUCT);

  it('reads each accepted question with its line, category, name, format, options and feedback', () => {
    const arithmetic = { category: ARITHMETIC };
    const logic = { category: LOGIC };
    expect(result.questions).toEqual([
      read(6, {
        ...arithmetic,
        name: 'Plain MC',
        text: "Who's buried in Grant's tomb?",
        options: ['Grant', 'Jefferson', 'no one'],
        correct: [2],
      }),
      read(8, {
        ...arithmetic,
        name: 'Missing word',
        text: "Grant is _____ in Grant's tomb.",
        options: ['buried', 'entombed', 'living'],
        correct: [1],
      }),
      read(11, {
        ...arithmetic,
        name: 'Thanksgiving',
        text: 'The *American holiday of Thanksgiving* is\ncelebrated on the _____ Thursday of November.',
        textFormat: 'markdown',
        options: ['second', 'third', 'fourth'],
        correct: [2],
        optionFeedback: ['Too early.', undefined, 'Right: the fourth Thursday.'],
        explanation: 'It has been the fourth Thursday since 1941.',
      }),
      read(20, {
        ...arithmetic,
        name: 'Format html',
        text: '<p>Which is <b>bold</b>?</p>',
        textFormat: 'html',
        options: ['<b>this</b>', 'that'],
        correct: [0],
      }),
      read(22, {
        ...arithmetic,
        name: 'Format plain',
        text: 'Pick one',
        textFormat: 'plain',
        options: ['a', 'b'],
        correct: [0],
      }),
      read(24, { ...arithmetic, name: 'Format moodle', text: 'Pick one', options: ['a', 'b'], correct: [0] }),
      read(26, { ...arithmetic, text: 'No name, no format: 2 + 2 = ?', options: ['4', '5', '22'], correct: [0] }),
      read(28, {
        ...arithmetic,
        name: 'Escapes: all of them',
        text: 'Which is special: ~ = # { } \\ ?\nSecond line.',
        options: ['{braces}', 'back\\slash', 'colon:here', 'tilde~equals='],
        correct: [0],
        optionFeedback: ['right # indeed\nreally', undefined, undefined, undefined],
      }),
      read(35, {
        ...arithmetic,
        name: 'Percent texts',
        text: 'What does %d print in printf?',
        options: ['a decimal integer', '%s and %d'],
        correct: [0],
      }),
      read(37, {
        ...arithmetic,
        name: 'Lead answer',
        text: 'Is text before the first marker an answer?',
        options: ['maybe', 'no', 'yes'],
        correct: [2],
      }),
      read(41, { ...logic, name: 'TF T', text: 'The sun is a star.', options: TRUE_FALSE, correct: [0] }),
      read(43, { ...logic, name: 'TF TRUE', text: 'Two plus two is four.', options: TRUE_FALSE, correct: [0] }),
      read(45, {
        ...logic,
        name: 'TF F',
        text: 'The Moon is a planet.',
        options: TRUE_FALSE,
        correct: [1],
        // {F#shown when wrong#shown when right}: True is the wrong pick here.
        optionFeedback: ['No: it is a satellite.', 'Right: a satellite.'],
        explanation: 'The Moon orbits the Earth.',
      }),
      read(47, {
        ...logic,
        name: 'TF FALSE',
        text: 'Pi equals **3**.',
        textFormat: 'markdown',
        options: TRUE_FALSE,
        correct: [1],
        explanation: 'Pi is irrational.',
      }),
      read(49, {
        ...logic,
        name: 'TF missing word',
        text: 'Water boils at _____ 100 °C at sea level.',
        options: TRUE_FALSE,
        correct: [0],
      }),
      read(51, {
        ...logic,
        name: 'Multiple response',
        kind: 'multiple',
        text: 'Which are prime?',
        options: ['2', '3', '4', '9'],
        correct: [0, 1],
        optionFeedback: [undefined, 'Prime indeed.', 'Even.', undefined],
        explanation: '2 and 3.',
      }),
      read(59, {
        ...logic,
        name: 'Thirds',
        kind: 'multiple',
        text: 'Select the vowels',
        options: ['a', 'e', 'o', 'x'],
        correct: [0, 1, 2],
      }),
      read(61, {
        ...logic,
        name: 'Single with weights',
        text: 'Capital of France?',
        options: ['Paris', 'London', 'Berlin'],
        correct: [0],
      }),
      read(63, {
        ...logic,
        name: 'Penalty only',
        text: 'Capital of Italy?',
        options: ['Rome', 'Milan', 'Turin'],
        correct: [0],
      }),
      read(67, { name: 'Uncategorized', text: 'After an empty category line.', options: ['yes', 'no'], correct: [0] }),
      read(119, {
        name: 'After the refusals',
        text: 'One bad question stops none.',
        options: ['fine', 'bad'],
        correct: [0],
      }),
    ]);
  });

  it('leaves no category on questions after an empty `$CATEGORY:`', () => {
    const uncategorized = result.questions.filter((question) => question.line >= 67);
    expect(uncategorized.map((question) => question.category)).toEqual([undefined, undefined]);
  });

  it('refuses every unsupported or malformed question with its first line and a reason code', () => {
    const type = (name: string) => ({ code: 'unsupported_type', params: { type: name } });
    const weight = (problem: string, value: string) => ({ code: 'invalid_weight', params: { problem, value } });
    expect(result.rejected).toEqual([
      { line: 69, reason: type('short_answer') }, // {=no one =nobody}
      { line: 71, reason: type('short_answer') }, // {=four}
      { line: 73, reason: type('short_answer') }, // {four}
      { line: 75, reason: type('short_answer') }, // {true}: Moodle compares T/F in upper case
      { line: 77, reason: type('numerical') },
      { line: 79, reason: type('matching') },
      { line: 81, reason: type('essay') },
      { line: 83, reason: type('essay') }, // {####feedback} only
      { line: 85, reason: type('description') },
      { line: 87, reason: type('cloze') }, // {1:MULTICHOICE:…}
      { line: 89, reason: type('cloze') }, // two answer blocks
      { line: 91, reason: { code: 'unclosed_answer_block' } },
      { line: 93, reason: { code: 'unclosed_answer_block' } }, // `}` without `{`
      { line: 95, reason: { code: 'unclosed_answer_block' } }, // `{` inside a block
      { line: 97, reason: { code: 'too_few_options', params: { count: 1 } } },
      { line: 99, reason: { code: 'too_many_options', params: { count: 11 } } },
      { line: 101, reason: { code: 'no_correct_option' } },
      { line: 103, reason: { code: 'empty_option', params: { option: 2 } } },
      { line: 105, reason: { code: 'empty_text' } },
      { line: 107, reason: weight('malformed', '50,5') },
      { line: 109, reason: weight('out_of_range', '150') },
      { line: 111, reason: weight('partial_credit', '50') },
      { line: 113, reason: weight('sum_not_100', '110') },
      { line: 115, reason: { code: 'several_correct_in_single', params: { count: 2 } } }, // =a =b
      { line: 117, reason: { code: 'several_correct_in_single', params: { count: 2 } } }, // = and ~%100%
    ]);
  });

  it('reads the same from CRLF, CR and LF files, with or without a byte order mark', () => {
    const crlf = parseGift('\uFEFF' + GIFT_EVERY_CONSTRUCT.replaceAll('\n', '\r\n'));
    const cr = parseGift(GIFT_EVERY_CONSTRUCT.replaceAll('\n', '\r'));
    expect(crlf).toEqual(result);
    expect(cr).toEqual(result);
    expect(result.questions).toHaveLength(21);
  });
});

describe('parseGift on a Windows file', () => {
  it('drops the byte order mark, ends lines at CRLF and numbers lines from 1', () => {
    expect(parseGift(GIFT_CRLF_WITH_BOM)).toEqual({
      questions: [
        read(4, { category: 'Windows', name: 'One', text: 'First?', options: ['yes', 'no'], correct: [0] }),
        read(6, { category: 'Windows', name: 'Two', text: 'Second\non two lines?', options: ['a', 'b'], correct: [1] }),
      ],
      rejected: [{ line: 12, reason: { code: 'unsupported_type', params: { type: 'description' } } }],
    });
  });
});

describe('parseGift after a byte order mark', () => {
  it.each([
    ['\uFEFF::Q::Text{=a ~b}', { line: 1, name: 'Q', text: 'Text' }],
    ['\uFEFF[html]Text{=a ~b}', { line: 1, text: 'Text', textFormat: 'html' }],
    ['\uFEFF$CATEGORY: x\n\nText{=a ~b}', { line: 3, category: 'x', text: 'Text' }],
  ])('%j', (gift, expected) => {
    expect(parseGift(gift).questions).toEqual([expect.objectContaining(expected)]);
  });
});

describe('parseGift on a Moodle export', () => {
  const result = parseGift(GIFT_MOODLE_EXPORT);
  const TYPES = '$course$/top/Default for Основы Python/Типы данных';
  const FLOW = '$course$/top/Default for Python Basics/Control flow';

  it('reads the Russian and English choice questions with Moodle’s escapes undone', () => {
    const html = { textFormat: 'html' as const };
    expect(result.questions).toEqual([
      read(6, {
        ...html,
        category: TYPES,
        name: 'Деление в Python 3',
        text: '<p>Какой тип у результата выражения <code>7 / 2</code> в Python 3?</p>',
        options: ['<code>int</code>', '<code>float</code>', '<code>str</code>', '<code>complex</code>'],
        correct: [1],
        optionFeedback: [
          'Нет: целочисленное деление — это <code>//</code>.',
          'Верно: оператор <code>/</code> всегда даёт float.',
          undefined,
          undefined,
        ],
        explanation: '<p>Подробнее: <a href="https://docs.python.org/3/library/stdtypes.html">документация</a>.</p>',
      }),
      read(15, {
        ...html,
        category: TYPES,
        name: 'Неизменяемые типы',
        kind: 'multiple',
        text: '<p>Какие из этих типов неизменяемые?</p>',
        options: [
          '<code>tuple</code>',
          '<code>str</code>',
          '<code>frozenset</code>',
          '<code>list</code>',
          '<code>dict</code>',
        ],
        correct: [0, 1, 2],
        optionFeedback: [undefined, undefined, undefined, 'Список можно менять.', undefined],
      }),
      read(24, {
        ...html,
        category: TYPES,
        name: 'Булевы значения',
        text: '<p><code>bool</code> — подкласс <code>int</code>.</p>',
        options: TRUE_FALSE,
        correct: [0],
        optionFeedback: ['Да, <code>True == 1</code>.', 'Проверьте <code>issubclass(bool, int)</code>.'],
      }),
      read(37, {
        ...html,
        category: FLOW,
        name: 'Loop keyword',
        text: '<p>Which statement leaves a loop early?</p>',
        options: ['<code>break</code>', '<code>continue</code>', '<code>pass</code>', '<code>return</code>'],
        correct: [0],
        optionFeedback: [undefined, 'That skips to the next iteration.', undefined, 'Only inside a function.'],
      }),
      read(48, {
        ...html,
        category: FLOW,
        name: 'Falsy values',
        kind: 'multiple',
        text: '<p>Which values are falsy?</p>',
        options: ['<code>0</code>', '<code>""</code>', '<code>"0"</code>', '<code>[0]</code>'],
        correct: [0, 1],
        optionFeedback: [undefined, undefined, 'A non-empty string is truthy.', undefined],
        explanation: '<p>Empty containers, zero and <code>None</code> are falsy.</p>',
      }),
    ]);
  });

  it('refuses the short answer, essay, numerical and partial-credit items at their lines', () => {
    expect(result.rejected).toEqual([
      { line: 27, reason: { code: 'unsupported_type', params: { type: 'short_answer' } } },
      { line: 45, reason: { code: 'unsupported_type', params: { type: 'essay' } } },
      { line: 57, reason: { code: 'unsupported_type', params: { type: 'numerical' } } },
      { line: 62, reason: { code: 'invalid_weight', params: { problem: 'partial_credit', value: '50' } } },
    ]);
  });
});

describe('parseGift details', () => {
  const only = (gift: string) => {
    const { questions, rejected } = parseGift(gift);
    expect(rejected).toEqual([]);
    expect(questions).toHaveLength(1);
    return questions[0];
  };

  it.each([
    // GIFT, the text read, its options
    [String.raw`A \{not a block\} here{=a ~b}`, 'A {not a block} here', ['a', 'b']],
    [String.raw`Backslash then n: \\n{=a ~b}`, 'Backslash then n: \\n', ['a', 'b']],
    [String.raw`Newline\nin text{=a\nb ~c}`, 'Newline\nin text', ['a\nb', 'c']],
    [String.raw`Unknown \q stays{=a ~b}`, 'Unknown \\q stays', ['a', 'b']],
    ['[latex]Unknown format stays{=a ~b}', '[latex]Unknown format stays', ['a', 'b']],
    ['[HTML]Upper-case format stays{=a ~b}', '[HTML]Upper-case format stays', ['a', 'b']],
    ['`=` takes no weight{=%50%half ~b}', '`=` takes no weight', ['%50%half', 'b']],
    ['Format prefix of an option{=[plain]a ~[markdown]b}', 'Format prefix of an option', ['a', 'b']],
    ['::Unclosed name {=a ~b}', '::Unclosed name', ['a', 'b']],
    ['Emoji 😀 and кириллица{=да 👍🏽 ~нет}', 'Emoji 😀 and кириллица', ['да 👍🏽', 'нет']],
    ['{=a ~b} before the text', '_____ before the text', ['a', 'b']],
  ])('%s', (gift, text, options) => {
    expect(only(gift)).toMatchObject({ text, options });
  });

  it('takes the last `####` as the general feedback and keeps an escaped one', () => {
    expect(only(String.raw`Q{=a#fine ~b ####General \#### part}`)).toMatchObject({
      optionFeedback: ['fine', undefined],
      explanation: 'General #### part',
    });
  });

  it('reads a weight of 100 in a multiple response and ignores penalties', () => {
    expect(only('Q{~%100%only right ~%-33.33333%b ~%0%c}')).toMatchObject({ kind: 'multiple', correct: [0] });
  });

  it('accepts weights that add up to 100 within Moodle’s two decimals', () => {
    const sixths = Array.from({ length: 6 }, (_, n) => `~%16.66667%o${n}`).join(' ');
    expect(only(`Q{${sixths} ~%-100%x}`)).toMatchObject({ kind: 'multiple', correct: [0, 1, 2, 3, 4, 5] });
    expect(parseGift('Q{~%33.3%a ~%33.3%b ~%33.3%c}').rejected).toEqual([
      { line: 1, reason: { code: 'invalid_weight', params: { problem: 'sum_not_100', value: '99.9' } } },
    ]);
  });

  it('reads an empty file and a file of comments as nothing', () => {
    expect(parseGift('')).toEqual({ questions: [], rejected: [] });
    expect(parseGift('\uFEFF// only\n\n  // comments\n\n$CATEGORY: x\n')).toEqual({ questions: [], rejected: [] });
  });
});

describe('parseGift on any text', () => {
  const gifty = fc
    .array(
      fc.constantFrom(
        'a',
        ' ',
        '\n',
        '\r\n',
        '~',
        '=',
        '#',
        '{',
        '}',
        ':',
        '\\',
        '%',
        '50',
        '-',
        '//',
        '[html]',
        'T',
        '$CATEGORY:',
        'я',
        '😀',
        '{=a ~b}',
        '=c',
        '~%50%d',
        '\n\n',
      ),
      {
        maxLength: 60,
      },
    )
    .map((parts) => parts.join(''));

  it('never throws, and every question and refusal names a line where a question starts', () => {
    fc.assert(
      fc.property(gifty, (text) => {
        const lines = text.split(/\r\n|\r|\n/);
        const { questions, rejected } = parseGift(text);
        for (const line of [...questions.map((q) => q.line), ...rejected.map((r) => r.line)]) {
          const source = lines[line - 1] ?? '';
          expect(source.trim()).not.toBe('');
          expect(source.trimStart().startsWith('//')).toBe(false);
        }
      }),
    );
  });

  it('only accepts what the bank can hold', () => {
    fc.assert(
      fc.property(gifty, (text) => {
        for (const question of parseGift(text).questions) {
          expect(question.text).not.toBe('');
          expect(question.options.length).toBeGreaterThanOrEqual(2);
          expect(question.options.length).toBeLessThanOrEqual(10);
          expect(question.options).not.toContain('');
          expect(question.optionFeedback).toHaveLength(question.options.length);
          expect(question.correct.length).toBeGreaterThanOrEqual(1);
          if (question.kind === 'single') expect(question.correct).toHaveLength(1);
          for (const n of question.correct) expect(question.options[n]).toBeDefined();
        }
      }),
    );
  });
});
