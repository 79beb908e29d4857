import type { FastifyRequest } from 'fastify';
import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { HttpProblemError } from '../../../shared/http/http-errors.ts';
import type { ImportFormat } from '../application/contract.ts';
import { ImportFieldsInvalidError, ImportFileMissingError, ImportFileNotUtf8Error } from '../domain/errors.ts';
import { decodeUtf8, formatOfFileName, QUESTION_FILE_FORMATS } from '../domain/formats/index.ts';
import { isUuid } from '../../../shared/domain/ids.ts';

export type ImportForm = {
  format: ImportFormat;
  trackId: string;
  moduleId: string | undefined;
  stageId: string | undefined;
  dryRun: boolean;
  partial: boolean;
  fileName: string | undefined;
  content: string;
};

const FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  on: true,
  '': false,
};

/**
 * Reads the import form (multipart/form-data: `file` and the fields) into what the use case
 * takes; every failure is a clear problem: 415 not multipart, 413 file too large, 400 a
 * malformed form, a missing file, more than one file or bad fields (all named), 422 a file that
 * is not UTF-8.
 */
export async function readImportForm(request: FastifyRequest, maxFileBytes: number): Promise<ImportForm> {
  if (!request.isMultipart()) {
    throw new HttpProblemError(
      { status: 415, code: 'unsupported_media_type', detail: { key: 'errors.questions.not_multipart' } },
      'the import takes multipart/form-data',
    );
  }
  const fields = new Map<string, string>();
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { name: part.filename, bytes };
      } else if (typeof part.value === 'string' && !fields.has(part.fieldname)) {
        fields.set(part.fieldname, part.value.trim());
      }
    }
  } catch (error) {
    throw formError(error, maxFileBytes);
  }
  if (!file) throw new ImportFileMissingError();
  const content = decodeUtf8(file.bytes);
  if (content === undefined) throw new ImportFileNotUtf8Error();
  return { ...importFields(fields, file.name), content };
}

function formError(error: unknown, maxFileBytes: number): HttpProblemError {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') {
    return new HttpProblemError(
      { status: 400, code: 'malformed_body', detail: { key: 'errors.questions.one_file' } },
      'the import takes one file',
    );
  }
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new HttpProblemError(
      {
        status: 413,
        code: 'payload_too_large',
        detail: { key: 'errors.questions.file_too_large', params: { limit: maxFileBytes } },
      },
      'the question file is too large',
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new HttpProblemError(
    { status: 400, code: 'malformed_body', detail: { key: 'errors.questions.malformed_form' } },
    `malformed multipart form: ${reason}`,
  );
}

function importFields(fields: ReadonlyMap<string, string>, fileName: string): Omit<ImportForm, 'content'> {
  const issues: FieldIssue[] = [];
  const format = fields.get('format') || formatOfFileName(fileName);
  if (format === undefined) issues.push({ path: '/format', code: 'required' });
  else if (!(QUESTION_FILE_FORMATS as readonly string[]).includes(format)) {
    issues.push({ path: '/format', code: 'format' });
  }
  const id = (name: string, required: boolean) => {
    const value = fields.get(name) || undefined;
    if (value === undefined && required) issues.push({ path: `/${name}`, code: 'required' });
    if (value !== undefined && !isUuid(value)) issues.push({ path: `/${name}`, code: 'uuid' });
    return value?.toLowerCase();
  };
  const flag = (name: string) => {
    const value = FLAGS[(fields.get(name) ?? '').toLowerCase()];
    if (value === undefined) issues.push({ path: `/${name}`, code: 'flag' });
    return value ?? false;
  };
  const form = {
    format: format as ImportFormat,
    trackId: id('trackId', true) ?? '',
    moduleId: id('moduleId', false),
    stageId: id('stageId', false),
    dryRun: flag('dryRun'),
    partial: flag('partial'),
    fileName: fileName.trim().slice(0, 255) || undefined,
  };
  if (issues.length > 0) throw new ImportFieldsInvalidError(issues);
  return form;
}
