import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, readCsvRecords, type CsvDelimiter } from './csv-records.ts';

const rowsOf = (text: string, delimiter?: CsvDelimiter) =>
  readCsvRecords(text, delimiter ? { delimiter } : {}).records.map((record) => record.fields);
const linesOf = (text: string) => readCsvRecords(text).records.map((record) => record.line);

describe('reading CSV records', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['a comma inside quotes', 'a,"b,c",d', [['a', 'b,c', 'd']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['a quoted empty field', '"",x,""', [['', 'x', '']]],
    ['a lone quoted empty field is a record', 'h\n""\n', [['h'], ['']]],
    [
      'a line break inside quotes',
      '"one\ntwo",x\ny,z',
      [
        ['one\ntwo', 'x'],
        ['y', 'z'],
      ],
    ],
    ['a CRLF inside quotes is kept as written', '"one\r\ntwo",x', [['one\r\ntwo', 'x']]],
    [
      'CRLF line ends',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'lone CR line ends',
      'a,b\rc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a trailing line end adds no record', 'a\n', [['a']]],
    [
      'empty fields',
      ',,\na,,b',
      [
        ['', '', ''],
        ['a', '', 'b'],
      ],
    ],
    ['blank lines are skipped', '\n\na\n\r\n\nb\n\n', [['a'], ['b']]],
    [
      'a leading BOM is dropped',
      '\uFEFFtext,x\n1,2',
      [
        ['text', 'x'],
        ['1', '2'],
      ],
    ],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    ['a quote inside an unquoted field is literal', 'ab"c,d', [['ab"c', 'd']]],
    ['characters after a closing quote are appended', '"ab"c,d', [['abc', 'd']]],
    [
      'Cyrillic',
      'вопрос,"ответ, второй"\nещё,да',
      [
        ['вопрос', 'ответ, второй'],
        ['ещё', 'да'],
      ],
    ],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf(text)).toEqual(rows);
  });

  it('detects the semicolon from the header line (Excel in a Russian locale)', () => {
    const text = 'text;option1;option2\r\n"Сколько, если 1,5 + 1,5?";3;"2,5"\r\n';
    expect(readCsvRecords(text).delimiter).toBe(';');
    expect(rowsOf(text)).toEqual([
      ['text', 'option1', 'option2'],
      ['Сколько, если 1,5 + 1,5?', '3', '2,5'],
    ]);
  });

  it.each([
    ['text,correct', ','],
    ['text;correct', ';'],
    ['text', ','],
    ['"a;b;c",d', ','],
    ['"a,b,c";d', ';'],
    ['a;b,c;d', ';'],
    ['\uFEFFa;b', ';'],
    ['a,b\nc;d;e;f', ','],
  ] as const)('the header %j uses %j', (text, delimiter) => {
    expect(detectCsvDelimiter(text)).toBe(delimiter);
  });

  it('reports the physical line where each record starts', () => {
    expect(linesOf('h\n\n"a\nb\r\nc",x\r\nnext\n\n\nlast')).toEqual([1, 3, 6, 9]);
    expect(linesOf('\uFEFF\r\n\r\nh\rx')).toEqual([3, 4]);
  });

  it('stops at a quote that never closes and names the line its record starts on', () => {
    const read = readCsvRecords('h,x\n1,2\n3,"open\n4,5\n');
    expect(read.records.map((record) => record.fields)).toEqual([
      ['h', 'x'],
      ['1', '2'],
    ]);
    expect(read.unclosedQuoteLine).toBe(3);
    expect(readCsvRecords('h\n"ok"\n').unclosedQuoteLine).toBeUndefined();
  });
});

// ── property: whatever the table, writing it with proper quoting and reading it back is lossless ──

const special = fc.constantFrom('"', ',', ';', '\r', '\n', '\r\n', ' ', '""', 'ё', 'Ж', 'щ', '\uFEFF', '😀');
const fieldArb = fc
  .array(fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const tableArb = fc
  .integer({ min: 1, max: 5 })
  .chain((width) =>
    fc.array(fc.array(fieldArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
  );

/** RFC 4180 writing: a field is quoted when it must be (or always); a lone empty field is written `""`. */
function serialize(
  table: string[][],
  options: { delimiter: CsvDelimiter; lineEnd: string; quoteAll: boolean; trailingLineEnd: boolean },
) {
  const write = (field: string) =>
    options.quoteAll || /[",;\r\n\uFEFF]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  const line = (fields: string[]) =>
    fields.length === 1 && fields[0] === '' ? '""' : fields.map(write).join(options.delimiter);
  return table.map(line).join(options.lineEnd) + (options.trailingLineEnd ? options.lineEnd : '');
}

describe('a written table reads back identical', () => {
  it('with the delimiter given or detected, any line ends, quoted minimally or always', () => {
    fc.assert(
      fc.property(
        tableArb,
        fc.constantFrom<CsvDelimiter>(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (table, delimiter, lineEnd, quoteAll, trailingLineEnd, withBom) => {
          const text = (withBom ? '\uFEFF' : '') + serialize(table, { delimiter, lineEnd, quoteAll, trailingLineEnd });
          const given = readCsvRecords(text, { delimiter });
          expect(given.unclosedQuoteLine).toBeUndefined();
          expect(given.records.map((record) => record.fields)).toEqual(table);
          // Detection only matters once the header has two columns: fields holding either delimiter are quoted.
          if (table[0]!.length > 1) expect(readCsvRecords(text).records.map((r) => r.fields)).toEqual(table);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('and every record starts on the line its written row starts on', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom('\n', '\r\n'), (table, lineEnd) => {
        const text = serialize(table, { delimiter: ',', lineEnd, quoteAll: false, trailingLineEnd: false });
        const breaks = (s: string) => s.split(/\r\n|\r|\n/).length - 1;
        const expected = table.reduce<number[]>((starts, row, i) => {
          const previous = i === 0 ? 1 : starts[i - 1]! + breaks(table[i - 1]!.join(',')) + 1;
          return [...starts, previous];
        }, []);
        expect(readCsvRecords(text, { delimiter: ',' }).records.map((record) => record.line)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
