import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parser.ts';

const HEADER = 'text,type,option1,option2,option3,option4,correct,explanation,module,stage,name';
const rejectionsOf = (text: string) => parseCsv(text).rejected.map(({ line, reason }) => ({ line, ...reason }));

describe('reading questions from CSV', () => {
  it('reads every column into a question', () => {
    const text = `${HEADER}\nWhat is 2+2?,single,3,4,5,,2,Because.,arith,2,Sum`;
    expect(parseCsv(text)).toEqual({
      questions: [
        {
          line: 2,
          name: 'Sum',
          category: 'arith',
          stage: 2,
          kind: 'single',
          text: 'What is 2+2?',
          textFormat: 'markdown',
          options: ['3', '4', '5'],
          correct: [1],
          optionFeedback: [undefined, undefined, undefined],
          explanation: 'Because.',
        },
      ],
      rejected: [],
    });
  });

  it('needs only text, two options and correct; type defaults to single, optional fields stay unset', () => {
    const [question] = parseCsv('text,option1,option2,correct\nQ,a,b,1').questions;
    expect(question).toMatchObject({ kind: 'single', options: ['a', 'b'], correct: [0] });
    expect(question).toMatchObject({ name: undefined, category: undefined, stage: undefined, explanation: undefined });
  });

  it('takes column names in any order and any case, and ignores unknown columns', () => {
    const text = 'Correct,Notes,OPTION2,Type,Option1,TEXT\n1 3,ignored,b,Multiple,a,Q\n';
    expect(parseCsv(text).rejected).toEqual([
      { line: 2, reason: { code: 'correct_out_of_range', params: { value: '3' } } },
    ]);
    const [question] = parseCsv('Correct,Notes,OPTION2,Type,Option1,TEXT\n"2,1",x,b,MULTIPLE,a,Q').questions;
    expect(question).toMatchObject({ kind: 'multiple', text: 'Q', options: ['a', 'b'], correct: [0, 1] });
  });

  it.each([
    ['2', [1]],
    ['1,3', [0, 2]],
    ['3;1', [0, 2]],
    ['1 2  4', [0, 1, 3]],
    [' 4 , 1 ; 1 ', [0, 3]],
  ])('reads correct %j as option indexes %j', (correct, indexes) => {
    const text = `text,type,option1,option2,option3,option4,correct\nQ,multiple,a,b,c,d,"${correct}"`;
    expect(parseCsv(text).questions[0]?.correct).toEqual(indexes);
  });

  it('reads the file Excel writes in a Russian locale: BOM, semicolons, CRLF, quoted line breaks, Cyrillic', () => {
    const text =
      '\uFEFFТекст;text;option1;option2;option3;correct;explanation\r\n' +
      ';"Сколько будет 1,5 + 1,5?\r\n\r\nВыберите **один** ответ.";2,5;3;"3,5";2;"Ответ: ""три"""\r\n';
    expect(parseCsv(text)).toEqual({
      questions: [
        expect.objectContaining({
          line: 2,
          text: 'Сколько будет 1,5 + 1,5?\n\nВыберите **один** ответ.',
          options: ['2,5', '3', '3,5'],
          correct: [1],
          explanation: 'Ответ: "три"',
        }),
      ],
      rejected: [],
    });
  });

  it('skips blank lines and rows of empty cells, numbering records by the physical line they start on', () => {
    const text = [HEADER, '', ',,,,,,,,,,', '"Line one', 'line two",,a,b,,,1,,,,', '   ', 'Q3,,a,b,,,2,,,,'].join('\n');
    const { questions, rejected } = parseCsv(text);
    expect(rejected).toEqual([]);
    expect(questions.map((question) => [question.line, question.text])).toEqual([
      [4, 'Line one\nline two'],
      [7, 'Q3'],
    ]);
  });

  it('trims values and ignores empty trailing options', () => {
    const [question] = parseCsv(`${HEADER}\n  Q  ,, a ,  b  ,  ,,2,  ,  ,  ,  `).questions;
    expect(question).toMatchObject({ text: 'Q', options: ['a', 'b'], correct: [1], explanation: undefined });
    expect(question).toMatchObject({ category: undefined, stage: undefined, name: undefined });
  });

  it('accepts ten options and a row longer or shorter than the header', () => {
    const options = Array.from({ length: 10 }, (_, i) => `option${i + 1}`);
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    const text = `text,correct,${options.join(',')}\nQ,10,${values.join(',')},extra\nR,1,a,b`;
    expect(parseCsv(text).questions.map((question) => question.options.length)).toEqual([10, 2]);
    expect(parseCsv(text).questions[0]?.correct).toEqual([9]);
  });
});

describe('rejecting CSV rows and headers', () => {
  it.each([
    ['empty text', `${HEADER}\n  ,,a,b,,,1,,,,`, 'empty_text', undefined],
    ['unknown type', `${HEADER}\nQ,один,a,b,,,1,,,,`, 'invalid_type', { type: 'один' }],
    ['a gap in the options', `${HEADER}\nQ,,a,b,,d,1,,,,`, 'option_gap', { option: 3 }],
    ['the first option missing', `${HEADER}\nQ,,,b,c,,1,,,,`, 'option_gap', { option: 1 }],
    ['one option', `${HEADER}\nQ,,a,,,,1,,,,`, 'too_few_options', { count: 1 }],
    ['no options', `${HEADER}\nQ,,,,,,1,,,,`, 'too_few_options', { count: 0 }],
    ['empty correct', `${HEADER}\nQ,,a,b,,,,,,,`, 'invalid_correct', { value: '' }],
    ['a letter for correct', `${HEADER}\nQ,,a,b,,,B,,,,`, 'invalid_correct', { value: 'B' }],
    ['a fraction for correct', `${HEADER}\nQ,,a,b,,,1.5,,,,`, 'invalid_correct', { value: '1.5' }],
    ['a negative correct', `${HEADER}\nQ,,a,b,,,-1,,,,`, 'invalid_correct', { value: '-1' }],
    ['correct past the options', `${HEADER}\nQ,,a,b,,,3,,,,`, 'correct_out_of_range', { value: '3' }],
    ['correct zero', `${HEADER}\nQ,multiple,a,b,,,"1,0",,,,`, 'correct_out_of_range', { value: '0' }],
    ['two correct for single', `${HEADER}\nQ,single,a,b,,,"1,2",,,,`, 'single_needs_one_correct', undefined],
    ['two correct, type defaulted', `${HEADER}\nQ,,a,b,,,1 2,,,,`, 'single_needs_one_correct', undefined],
    ['stage zero', `${HEADER}\nQ,,a,b,,,1,,,0,`, 'invalid_stage', { value: '0' }],
    ['stage not a number', `${HEADER}\nQ,,a,b,,,1,,,second,`, 'invalid_stage', { value: 'second' }],
    ['stage a fraction', `${HEADER}\nQ,,a,b,,,1,,,1.5,`, 'invalid_stage', { value: '1.5' }],
    [
      'stage too large',
      `${HEADER}\nQ,,a,b,,,1,,,99999999999999999999,`,
      'invalid_stage',
      { value: '99999999999999999999' },
    ],
  ])('%s: %s', (_name, text, code, params) => {
    expect(rejectionsOf(text)).toEqual([{ line: 2, code, ...(params ? { params } : {}) }]);
    expect(parseCsv(text).questions).toEqual([]);
  });

  it('names each missing required column on line 1 and reads no rows', () => {
    expect(rejectionsOf('question,option1,option2,answer\nQ,a,b,1')).toEqual([
      { line: 1, code: 'missing_column', params: { column: 'text' } },
      { line: 1, code: 'missing_column', params: { column: 'correct' } },
    ]);
    expect(rejectionsOf('text,option1,option2\nQ,a,b')).toEqual([
      { line: 1, code: 'missing_column', params: { column: 'correct' } },
    ]);
    expect(parseCsv('text,option1,option2\nQ,a,b').questions).toEqual([]);
  });

  it('treats an empty file as a file without a header', () => {
    expect(rejectionsOf('\uFEFF\r\n')).toEqual([
      { line: 1, code: 'missing_column', params: { column: 'text' } },
      { line: 1, code: 'missing_column', params: { column: 'correct' } },
    ]);
  });

  it('refuses a header naming a column twice, whatever its case', () => {
    expect(rejectionsOf('text,option1,option2,correct,Option1\nQ,a,b,1,c')).toEqual([
      { line: 1, code: 'duplicate_column', params: { column: 'option1' } },
    ]);
  });

  it('rejects the record whose quote never closes, keeping the rows before it', () => {
    const text = `${HEADER}\nQ1,,a,b,,,1,,,,\n"Q2 is open,,a,b,,,1,,,,\nQ3,,a,b,,,1,,,,\n`;
    const { questions, rejected } = parseCsv(text);
    expect(questions.map((question) => question.text)).toEqual(['Q1']);
    expect(rejected).toEqual([{ line: 3, reason: { code: 'unclosed_quote' } }]);
  });

  it('reports every bad row with its own line and keeps the good ones', () => {
    const text = [
      HEADER,
      'Good 1,,a,b,,,1,,,,',
      '"Bad,',
      'spanning",,a,,,,1,,,,',
      'Good 2,multiple,a,b,c,,"1,3",,,,',
      '',
      'Bad 2,,a,b,,,5,,,,',
      'Good 3,,a,b,,,2,,,,',
    ].join('\r\n');
    const { questions, rejected } = parseCsv(text);
    expect(questions.map((question) => [question.line, question.text])).toEqual([
      [2, 'Good 1'],
      [5, 'Good 2'],
      [8, 'Good 3'],
    ]);
    expect(rejected).toEqual([
      { line: 3, reason: { code: 'too_few_options', params: { count: 1 } } },
      { line: 7, reason: { code: 'correct_out_of_range', params: { value: '5' } } },
    ]);
  });
});
