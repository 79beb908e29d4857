/** RFC 4180 CSV: quotes, doubled quotes, newlines in quoted cells, CRLF or LF; a leading BOM is dropped. */

export type CsvRow = Readonly<{ line: number; cells: string[] }>;
export type CsvParse =
  { ok: true; rows: CsvRow[] } | { ok: false; line: number; code: 'csv_unclosed_quote' | 'csv_stray_quote' };

export function parseCsvRows(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let cellStarted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !cellStarted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, code: 'csv_stray_quote' };
        }
        continue;
      }
      if (ch === '\n') line += 1;
      if (ch === '\r' && text[i + 1] !== '\n') line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (cell !== '') return { ok: false, line, code: 'csv_stray_quote' };
      quoted = true;
      cellStarted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
      continue;
    }
    cell += ch;
    cellStarted = true;
    i += 1;
  }
  if (quoted) return { ok: false, line: rowLine, code: 'csv_unclosed_quote' };
  if (cell !== '' || cells.length > 0 || cellStarted) endRow();
  return { ok: true, rows };
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends (every cell quoted when it needs it; empty cells as ""). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

export const MATRIX_CSV_HEADER = [
  'section',
  'subsection',
  'grade',
  'question',
  'answer',
  'resources',
  'status',
  'module',
] as const;
