/**
 * CSV question files (docs/question-import-csv.md): a header row names the columns, one question
 * per record. Column names are case-insensitive and may come in any order; unknown columns are
 * ignored. Every value is trimmed and its line breaks become LF; the text is Markdown.
 */
import { readCsvRecords, type CsvRecord } from './csv-records.ts';
import type { ParsedQuestion, ParseResult, QuestionKind, RejectReason, Rejection } from './parsed-question.ts';

export const MAX_CSV_OPTIONS = 10;

const REQUIRED_COLUMNS = ['text', 'correct'] as const;
const OPTION_COLUMNS = Array.from({ length: MAX_CSV_OPTIONS }, (_, i) => `option${i + 1}`);
const KNOWN_COLUMNS = new Set(['text', 'type', 'correct', 'explanation', 'module', 'stage', 'name', ...OPTION_COLUMNS]);
const KINDS: Readonly<Record<string, QuestionKind>> = { single: 'single', multiple: 'multiple' };

type Columns = ReadonlyMap<string, number>;
type Cell = (column: string) => string;

export function parseCsv(text: string): ParseResult {
  const { records, unclosedQuoteLine } = readCsvRecords(text);
  const unclosed: Rejection[] =
    unclosedQuoteLine === undefined ? [] : [{ line: unclosedQuoteLine, reason: { code: 'unclosed_quote' } }];

  const [header, ...rows] = records;
  const { columns, rejected: headerRejected } = readHeader(header);
  if (headerRejected.length > 0) return { questions: [], rejected: [...headerRejected, ...unclosed] };

  const questions: ParsedQuestion[] = [];
  const rejected: Rejection[] = [];
  for (const row of rows) {
    const cell: Cell = (column) => {
      const index = columns.get(column);
      return index === undefined ? '' : normalize(row.fields[index] ?? '');
    };
    if (row.fields.every((field) => field.trim() === '')) continue;
    const outcome = parseRow(row.line, cell);
    if ('code' in outcome) rejected.push({ line: row.line, reason: outcome });
    else questions.push(outcome);
  }
  return { questions, rejected: [...rejected, ...unclosed] };
}

function readHeader(header: CsvRecord | undefined): { columns: Columns; rejected: Rejection[] } {
  const line = header?.line ?? 1;
  const columns = new Map<string, number>();
  const rejected: Rejection[] = [];
  (header?.fields ?? []).forEach((raw, index) => {
    const column = raw.trim().toLowerCase();
    if (!KNOWN_COLUMNS.has(column)) return;
    if (columns.has(column)) rejected.push({ line, reason: { code: 'duplicate_column', params: { column } } });
    else columns.set(column, index);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) rejected.push({ line, reason: { code: 'missing_column', params: { column } } });
  }
  return { columns, rejected };
}

function parseRow(line: number, cell: Cell): ParsedQuestion | RejectReason {
  const text = cell('text');
  if (text === '') return { code: 'empty_text' };

  const type = cell('type');
  const kind = type === '' ? 'single' : KINDS[type.toLowerCase()];
  if (kind === undefined) return { code: 'invalid_type', params: { type } };

  const options = readOptions(cell);
  if (!Array.isArray(options)) return options;

  const correct = readCorrect(cell('correct'), options.length);
  if (!Array.isArray(correct)) return correct;
  if (kind === 'single' && correct.length !== 1) return { code: 'single_needs_one_correct' };

  const stageValue = cell('stage');
  const stage = stageValue === '' ? undefined : readStage(stageValue);
  if (stage === null) return { code: 'invalid_stage', params: { value: stageValue } };

  return {
    line,
    name: cell('name') || undefined,
    category: cell('module') || undefined,
    stage,
    kind,
    text,
    textFormat: 'markdown',
    options,
    correct,
    optionFeedback: options.map(() => undefined),
    explanation: cell('explanation') || undefined,
  };
}

/** option1 … option10 up to the last filled one; an empty option before it is a gap. */
function readOptions(cell: Cell): string[] | RejectReason {
  const values = OPTION_COLUMNS.map(cell);
  const count = values.findLastIndex((value) => value !== '') + 1;
  const gap = values.slice(0, count).indexOf('');
  if (gap >= 0) return { code: 'option_gap', params: { option: gap + 1 } };
  if (count < 2) return { code: 'too_few_options', params: { count } };
  return values.slice(0, count);
}

/** 1-based option numbers separated by commas, semicolons or spaces → sorted distinct indexes. */
function readCorrect(value: string, optionCount: number): number[] | RejectReason {
  const tokens = value.split(/[\s,;]+/).filter((token) => token !== '');
  if (tokens.length === 0) return { code: 'invalid_correct', params: { value } };
  const indexes = new Set<number>();
  for (const token of tokens) {
    if (!/^\d+$/.test(token)) return { code: 'invalid_correct', params: { value: token } };
    const position = Number(token);
    if (position < 1 || position > optionCount) return { code: 'correct_out_of_range', params: { value: token } };
    indexes.add(position - 1);
  }
  return [...indexes].sort((a, b) => a - b);
}

/** A stage position: a positive integer, or null when the value is not one. */
function readStage(value: string): number | null {
  const position = /^\d+$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(position) && position >= 1 ? position : null;
}

function normalize(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
