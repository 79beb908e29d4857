import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolationError } from '../../../shared/domain/errors.ts';

/** Over the purpose's limit (HTTP 413; the stream is cut off as soon as the limit passes). */
export class FileTooLargeError extends RuleViolationError {
  constructor(readonly maxBytes: number) {
    super('files.too_large', `the file is larger than ${maxBytes} bytes`, { limit: maxBytes });
  }
}

/** The sniffed type is not one the purpose takes (HTTP 415). */
export class FileTypeNotAllowedError extends RuleViolationError {
  constructor(
    readonly type: string,
    readonly allowed: readonly string[],
  ) {
    super('files.type_not_allowed', `${type} is not allowed here`, { type, allowed: allowed.join(', ') });
  }
}

export class EmptyFileError extends RuleViolationError {
  constructor() {
    super('files.empty', 'the file is empty');
  }
}

/** Article images are for moderators, admins and the owner. */
export class FileUploadForbiddenError extends ForbiddenError {
  constructor(purpose: string) {
    super('files.forbidden', `you may not upload files for ${purpose}`, { purpose });
  }
}

/** No such file, or one the reader may not see (another user's attachment). */
export class FileNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('files.not_found', `file ${id} not found`, { id });
  }
}

export class UnknownPurposeError extends InvalidInputError {
  constructor(purpose: string) {
    super('files.unknown_purpose', `unknown purpose ${JSON.stringify(purpose.slice(0, 40))}`, {
      purpose: purpose.slice(0, 40),
    });
  }
}
