import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRows, writeCsv } from '../../src/modules/matrix/domain/csv.ts';
import { parseResourceLines } from '../../src/modules/matrix/domain/rules.ts';

describe('matrix CSV', () => {
  it('round-trips any rows (quotes, commas, newlines, CRLF)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'б', ',', '"', '\n', '\r\n', ' ', 'x', '|') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const parsed = parseCsvRows(writeCsv(rows));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.rows.map((row) => row.cells)).toEqual(rows);
      }),
    );
  });

  it('drops a BOM, reads LF and CRLF, reports line numbers of rows', () => {
    const parsed = parseCsvRows('\uFEFFa,b\r\n"x\ny",2\n3,4');
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x\ny', '2'] },
        { line: 4, cells: ['3', '4'] },
      ],
    });
  });

  it('refuses an unclosed or stray quote', () => {
    expect(parseCsvRows('a\n"open')).toMatchObject({ ok: false, code: 'csv_unclosed_quote', line: 2 });
    expect(parseCsvRows('a\nb"c')).toMatchObject({ ok: false, code: 'csv_stray_quote' });
  });

  it('reads resources as Title | URL lines, http(s) only', () => {
    expect(parseResourceLines('Docs | https://a.example/x\n\nhttp://b.example')).toEqual({
      resources: [
        { title: 'Docs', url: 'https://a.example/x' },
        { title: 'http://b.example', url: 'http://b.example' },
      ],
      badLines: [],
    });
    expect(parseResourceLines('Evil | javascript:alert(1)\nData | data:text/html,x').badLines).toEqual([1, 2]);
  });
});
