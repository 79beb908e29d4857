import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnknownPurposeError } from '../domain/errors.ts';
import { FILE_PURPOSES, type FilePurpose, UPLOAD_POLICIES } from '../domain/upload-policy.ts';
import { badForm, notMultipart, uploadProblem } from './problems.ts';

const LARGEST = Math.max(...FILE_PURPOSES.map((purpose) => UPLOAD_POLICIES[purpose].maxBytes));

export function purposeOf(value: string): FilePurpose {
  const purpose = value.trim();
  if (!(FILE_PURPOSES as readonly string[]).includes(purpose)) throw new UnknownPurposeError(purpose);
  return purpose as FilePurpose;
}

/**
 * Streams the one `file` part of a multipart upload into `handle` (which stores it). The purpose
 * is fixed (avatars), or given as `?purpose=` or as a `purpose` field before the file. busboy
 * cuts a file at the purpose's limit + 1 byte (the largest limit when the purpose comes as a
 * field), and the use case counts the bytes itself. Anything wrong after the file was stored (a
 * second file part, a broken body) undoes it.
 */
export async function streamUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { purpose: FilePurpose | undefined },
  handle: (purpose: FilePurpose, part: MultipartFile) => Promise<T>,
  undo: (result: T) => Promise<void>,
): Promise<T> {
  if (!request.isMultipart()) throw notMultipart();
  let purpose = options.purpose;
  const fixed = purpose !== undefined;
  const maxBytes = purpose ? UPLOAD_POLICIES[purpose].maxBytes : LARGEST;
  let result: { value: T } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 50 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'purpose' && !fixed && !result) purpose = purposeOf(String(part.value));
        continue;
      }
      if (part.fieldname !== 'file') throw badForm('errors.files.file_missing', 'the file part must be named file');
      if (!purpose) throw badForm('errors.files.purpose_first', 'the purpose must come before the file');
      result = { value: await handle(purpose, part) };
    }
  } catch (error) {
    if (result) await undo(result.value);
    // The rest of a refused body is never read: the connection closes after the answer.
    if (!request.raw.complete) reply.header('connection', 'close');
    throw uploadProblem(error);
  }
  if (!result) throw badForm('errors.files.file_missing', 'no file part');
  return result.value;
}

/** A part's bytes as the use case reads them. */
export function contentOf(part: MultipartFile): AsyncIterable<Uint8Array> {
  return part.file as AsyncIterable<Uint8Array>;
}
