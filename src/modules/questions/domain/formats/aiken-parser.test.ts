import { describe, expect, it } from 'vitest';
import { parseAiken } from './aiken-parser.ts';

const rejectionsOf = (text: string) => parseAiken(text).rejected.map(({ line, reason }) => ({ line, ...reason }));
const lines = (...all: string[]) => all.join('\n');

describe('reading Aiken questions', () => {
  it('reads a question as plain single choice', () => {
    const text = lines('What is 2+2?', 'A. 3', 'B. 4', 'C. 5', 'ANSWER: B');
    expect(parseAiken(text)).toEqual({
      questions: [
        {
          line: 1,
          kind: 'single',
          text: 'What is 2+2?',
          textFormat: 'plain',
          options: ['3', '4', '5'],
          correct: [1],
          optionFeedback: [undefined, undefined, undefined],
        },
      ],
      rejected: [],
    });
  });

  it('reads the file a Russian teacher saves on Windows: BOM, CRLF, Cyrillic, `A)` labels, blank lines', () => {
    const text =
      '\uFEFF\r\nСтолица Франции?\r\nA) Лион\r\nB) Париж\r\nANSWER: B\r\n\r\n\r\n' +
      'Сколько будет\r\nдважды два?\r\n\r\nA. три\r\n\r\nB. четыре\r\nANSWER:A\r\n';
    const { questions, rejected } = parseAiken(text);
    expect(rejected).toEqual([]);
    expect(questions.map(({ line, text, options, correct }) => ({ line, text, options, correct }))).toEqual([
      { line: 2, text: 'Столица Франции?', options: ['Лион', 'Париж'], correct: [1] },
      { line: 8, text: 'Сколько будет\nдважды два?', options: ['три', 'четыре'], correct: [0] },
    ]);
  });

  it('trims lines, keeps the label characters that belong to the option, and takes a lower-case answer', () => {
    const text = lines('  Pick one:  ', '  A.\t(a) first ', 'B)   B. second', 'ANSWER :  b  ');
    expect(parseAiken(text).questions[0]).toMatchObject({
      text: 'Pick one:',
      options: ['(a) first', 'B. second'],
      correct: [1],
    });
  });

  it('reads ten options, A to J', () => {
    const options = 'ABCDEFGHIJ'.split('').map((letter) => `${letter}. option ${letter}`);
    const [question] = parseAiken(lines('Q', ...options, 'ANSWER: J')).questions;
    expect(question?.options).toHaveLength(10);
    expect(question?.correct).toEqual([9]);
  });

  it('reads a lone CR as a line end', () => {
    expect(parseAiken('Q\rA. a\rB. b\rANSWER: A').questions).toHaveLength(1);
  });

  it('takes a line without a space after the letter for text, as Moodle does', () => {
    const [question] = parseAiken(lines('Q', 'A.B. testing', 'A. yes', 'B. no', 'ANSWER: A')).questions;
    expect(question?.text).toBe('Q\nA.B. testing');
  });

  it('returns nothing for an empty or blank file', () => {
    expect(parseAiken('')).toEqual({ questions: [], rejected: [] });
    expect(parseAiken('\uFEFF\r\n \n\t\n')).toEqual({ questions: [], rejected: [] });
  });
});

describe('rejecting Aiken questions', () => {
  const eleven = 'ABCDEFGHIJK'.split('').map((letter) => `${letter}. ${letter}`);
  const nine = eleven.slice(0, 9);
  it.each([
    ['no answer line at the end', lines('Q', 'A. a', 'B. b'), 'missing_answer_line', undefined],
    ['no options and no answer', lines('Q only'), 'missing_answer_line', undefined],
    ['an answer that is no option', lines('Q', 'A. a', 'B. b', 'ANSWER: C'), 'answer_not_an_option', { answer: 'C' }],
    ['an empty answer', lines('Q', 'A. a', 'B. b', 'ANSWER:'), 'answer_not_an_option', { answer: '' }],
    ['two answers', lines('Q', 'A. a', 'B. b', 'ANSWER: A, B'), 'answer_not_an_option', { answer: 'A, B' }],
    [
      'an answer given as text',
      lines('Q', 'A. a', 'B. b', 'ANSWER: Paris'),
      'answer_not_an_option',
      { answer: 'Paris' },
    ],
    // 'ı'.toUpperCase() is 'I': only the 26 Latin letters name options.
    ['a letter that upper-cases to one', lines('Q', ...nine, 'ANSWER: ı'), 'answer_not_an_option', { answer: 'ı' }],
    ['one option', lines('Q', 'A. a', 'ANSWER: A'), 'too_few_options', { count: 1 }],
    ['no options', lines('Q', 'ANSWER: A'), 'too_few_options', { count: 0 }],
    ['eleven options', lines('Q', ...eleven, 'ANSWER: A'), 'too_many_options', { count: 11 }],
    ['a skipped letter', lines('Q', 'A. a', 'C. c', 'ANSWER: A'), 'non_consecutive_options', undefined],
    ['options not from A', lines('Q', 'B. b', 'C. c', 'ANSWER: B'), 'non_consecutive_options', undefined],
    ['a repeated letter', lines('Q', 'A. a', 'A. b', 'ANSWER: A'), 'non_consecutive_options', undefined],
    ['no question text', lines('A. a', 'B. b', 'ANSWER: A'), 'empty_text', undefined],
    ['a stray answer line', lines('ANSWER: A'), 'empty_text', undefined],
    ['an empty option', lines('Q', 'A. a', 'B.', 'ANSWER: A'), 'empty_option', { option: 2 }],
    ['a blank option', lines('Q', 'A)   ', 'B. b', 'ANSWER: B'), 'empty_option', { option: 1 }],
  ])('%s', (_name, text, code, params) => {
    expect(rejectionsOf(`\n\n${text}`)).toEqual([{ line: 3, code, ...(params ? { params } : {}) }]);
    expect(parseAiken(text).questions).toEqual([]);
  });

  it('never lets one bad question stop the others, and names the line each starts on', () => {
    const text = lines(
      'Good 1', //  1
      'A. a',
      'B. b',
      'ANSWER: A',
      '',
      'No answer', // 6
      'A. a',
      'B. b',
      'Good 2', // 9: a text line after options begins a new question
      'A. a',
      'B. b',
      'ANSWER: B',
      'Stray text', // 13
      '',
      'Good 3', // 15: a text line after a blank line begins a new question
      '',
      'A. a',
      'B. b',
      'ANSWER: A',
      'Bad answer', // 20
      'A. a',
      'B. b',
      'ANSWER: Z',
      'Unfinished', // 24
    );
    const { questions, rejected } = parseAiken(text);
    expect(questions.map(({ line, text, correct }) => [line, text, correct])).toEqual([
      [1, 'Good 1', [0]],
      [9, 'Good 2', [1]],
      [15, 'Good 3', [0]],
    ]);
    expect(rejected).toEqual([
      { line: 6, reason: { code: 'missing_answer_line' } },
      { line: 13, reason: { code: 'missing_answer_line' } },
      { line: 20, reason: { code: 'answer_not_an_option', params: { answer: 'Z' } } },
      { line: 24, reason: { code: 'missing_answer_line' } },
    ]);
  });
});
