import type { MultipartFile } from '@fastify/multipart';
import type { ImportFormat } from '../../application/contract.ts';
import { formatOfFileName } from '../../domain/formats/index.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A previewed file up to this size travels in the "Import these" form; a bigger one is chosen again. */
export const MAX_CARRIED_BYTES = 1024 * 1024;

/** An uploaded file as the import page reads it from the multipart body. */
export type Upload = Readonly<{ fileName: string; content: Buffer; tooLarge: boolean }>;

/**
 * Reads the file part into memory for `attachFieldsToBody: 'keyValues'`: the body's `file` field
 * becomes an `Upload`. A file over the limit is cut off by busboy and marked `tooLarge`, so the
 * form can say so instead of failing the request.
 */
export async function readUpload(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new UploadUnreadableError(error);
  }
  const upload: Upload = { fileName: part.filename, content: Buffer.concat(chunks), tooLarge: part.file.truncated };
  (part as unknown as { value: Upload }).value = upload;
}

export const UPLOAD_UNREADABLE = 'BAZA_UPLOAD_UNREADABLE';

/** The file's stream broke off (a body cut short, a malformed part): the import form says so. */
export class UploadUnreadableError extends Error {
  readonly code = UPLOAD_UNREADABLE;

  constructor(cause: unknown) {
    super(`the uploaded file could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function isUpload(value: unknown): value is Upload {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as Upload).content);
}

/**
 * The format by the file's extension; a `.txt` file (or none) by its content: Aiken has `ANSWER:`
 * lines, GIFT answer blocks in braces. Undefined when neither tells.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | undefined {
  const byName = formatOfFileName(fileName);
  if (byName) return byName;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== undefined && extension !== 'txt') return undefined;
  if (/^[ \t]*ANSWER[ \t]*:[ \t]*[A-Z]/m.test(text)) return 'aiken';
  return hasGiftAnswerBlock(text) ? 'gift' : undefined;
}

/**
 * A `{`, then `=` or `~`, then `}` (in one linear scan: the regular expression saying the same
 * backtracks cubically on a file of `{=` without a `}`).
 */
function hasGiftAnswerBlock(text: string): boolean {
  const open = text.indexOf('{');
  if (open < 0) return false;
  const answer = text.slice(open + 1).search(/[=~]/);
  return answer >= 0 && text.lastIndexOf('}') > open + 1 + answer;
}

/** A name safe to show and to send back in a hidden field. */
export function cleanFileName(name: string): string {
  return (
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\p{Cc}/gu, '')
      .slice(0, 200) || 'questions.txt'
  );
}
