import { DomainError } from '../../../shared/domain/errors.ts';
import { HttpProblemError } from '../../../shared/http/http-errors.ts';
import { FileTooLargeError, FileTypeNotAllowedError } from '../domain/errors.ts';

/**
 * The files module's refusals with their HTTP statuses: 413 too large and 415 type not allowed
 * (the domain errors are rule violations; HTTP says which). Anything else passes unchanged.
 */
export function filesHttpError(error: unknown): unknown {
  if (error instanceof FileTooLargeError) {
    return new HttpProblemError(
      { status: 413, code: 'too_large', detail: { key: 'errors.files.too_large', params: { limit: error.maxBytes } } },
      error.message,
    );
  }
  if (error instanceof FileTypeNotAllowedError) {
    return new HttpProblemError(
      {
        status: 415,
        code: 'type_not_allowed',
        detail: {
          key: 'errors.files.type_not_allowed',
          params: { type: error.type, allowed: error.allowed.join(', ') },
        },
      },
      error.message,
    );
  }
  return error;
}

const FORM_LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PROTO_VIOLATION']);
const MALFORMED =
  /Unexpected end of form|Part terminated early|Malformed part header|Boundary not found|Premature close|Multipart: /i;

/** A failure while reading a multipart upload as the problem to send (never a 500 for bad input). */
export function uploadProblem(error: unknown): unknown {
  const mapped = filesHttpError(error);
  if (mapped !== error || error instanceof DomainError || error instanceof HttpProblemError) return mapped;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return badForm('errors.files.one_file', 'the upload takes one file');
  const message = error instanceof Error ? error.message : String(error);
  if ((typeof code === 'string' && FORM_LIMIT_CODES.has(code)) || MALFORMED.test(message)) {
    return badForm('errors.files.malformed_form', `malformed multipart form: ${message}`);
  }
  return error;
}

export function badForm(
  key:
    | 'errors.files.one_file'
    | 'errors.files.malformed_form'
    | 'errors.files.file_missing'
    | 'errors.files.purpose_first',
  message: string,
): HttpProblemError {
  return new HttpProblemError({ status: 400, code: 'malformed_body', detail: { key } }, message);
}

export function notMultipart(): HttpProblemError {
  return new HttpProblemError(
    { status: 415, code: 'unsupported_media_type', detail: { key: 'errors.files.not_multipart' } },
    'the upload takes multipart/form-data',
  );
}
