/**
 * A small RFC 4180 reader: fields separated by `,` or `;`, quoted fields may hold the delimiter,
 * doubled quotes (`""`) and line breaks; records end at CRLF, LF or a lone CR. A leading BOM is
 * dropped. Field values come back exactly as written (no trimming, line breaks inside quotes kept
 * as they are): what a value means is the caller's business.
 *
 * Lenient where spreadsheets are sloppy: a quote inside an unquoted field is an ordinary
 * character, and characters after a closing quote are appended to the field (`"a"b` reads `ab`).
 * Physically empty lines are skipped; a record holding one empty field must be written `""`.
 */

export type CsvDelimiter = ',' | ';';

export type CsvRecord = Readonly<{
  /** 1-based physical line where the record starts (records may span lines inside quotes). */
  line: number;
  fields: readonly string[];
}>;

export type CsvRecords = Readonly<{
  delimiter: CsvDelimiter;
  /** Every complete record, in file order, blank lines left out. */
  records: readonly CsvRecord[];
  /** Set when a quote never closes: the line where that record starts; the rest of the file is lost. */
  unclosedQuoteLine?: number | undefined;
}>;

const BOM = '\uFEFF';
const QUOTE = '"';

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The delimiter of the header line: `;` when it has more semicolons than commas outside quotes
 * (Excel in Russian and other locales with a decimal comma writes `;`), `,` otherwise.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const source = withoutBom(text);
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const c of source) {
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Reads all records; the delimiter is detected from the header line unless given. */
export function readCsvRecords(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvRecords {
  const source = withoutBom(text);
  const delimiter = options.delimiter ?? detectCsvDelimiter(source);
  const records: CsvRecord[] = [];

  let line = 1;
  let recordLine = 1;
  let recordStarted = false;
  let fields: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;

  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    const lineBreak = c === '\n' || (c === '\r' && source.charAt(i + 1) !== '\n');

    if (inQuotes) {
      if (c !== QUOTE) {
        field += c;
        if (lineBreak) line++;
      } else if (source.charAt(i + 1) === QUOTE) {
        field += QUOTE;
        i++;
      } else {
        inQuotes = false;
      }
      continue;
    }

    if (c === '\r' || c === '\n') {
      if (!lineBreak) continue; // the CR of a CRLF: the LF ends the line
      if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
      line++;
      recordLine = line;
      recordStarted = false;
      fields = [];
      field = '';
      atFieldStart = true;
      continue;
    }

    recordStarted = true;
    if (c === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      field += c;
      atFieldStart = false;
    }
  }

  if (inQuotes) return { delimiter, records, unclosedQuoteLine: recordLine };
  if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
  return { delimiter, records };
}
