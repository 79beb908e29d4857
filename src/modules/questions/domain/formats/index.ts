import { parseAiken } from './aiken-parser.ts';
import { parseCsv } from './csv-parser.ts';
import { parseGift } from './gift-parser.ts';
import type { ParseResult } from './parsed-question.ts';

export type QuestionFileFormat = 'gift' | 'aiken' | 'csv';

export const QUESTION_FILE_FORMATS: readonly QuestionFileFormat[] = ['gift', 'aiken', 'csv'];

/** The parser of each importable format. */
export const PARSERS: Readonly<Record<QuestionFileFormat, (text: string) => ParseResult>> = {
  gift: parseGift,
  aiken: parseAiken,
  csv: parseCsv,
};

/** The format a file name's extension implies (`.gift`, `.aiken`, `.csv`), if any. */
export function formatOfFileName(fileName: string): QuestionFileFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return QUESTION_FILE_FORMATS.find((format) => format === extension);
}

/** The file's bytes as text, or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
