import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';

export class QuestionsForbiddenError extends ForbiddenError {
  constructor() {
    super('questions.forbidden', 'the question bank is for moderators, admins and the owner');
  }
}

export class QuestionNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('questions.question_not_found', 'no such question', { id });
  }
}

export class QuestionTrackNotFoundError extends NotFoundError {
  constructor(track: string) {
    super('questions.track_not_found', 'no such track', { track });
  }
}

/** Every failing field of a question at once (`issues`). */
export class InvalidQuestionError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('questions.invalid_question', 'the question is invalid', {}, issues);
  }
}

/** The import's own settings (its module or stage) do not fit the track. */
export class InvalidImportError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('questions.invalid_import', 'the import settings do not fit the track', {}, issues);
  }
}

export class QuestionRetiredError extends ConflictError {
  constructor() {
    super('questions.question_retired', 'a retired question cannot be edited');
  }
}

export class QuestionUsedError extends ConflictError {
  constructor() {
    super('questions.question_used', 'an attempt used this question: it can only be retired');
  }
}

export class ImportFileMissingError extends InvalidInputError {
  constructor() {
    super('questions.file_missing', 'attach the question file as the `file` field');
  }
}

export class ImportFileNotUtf8Error extends RuleViolationError {
  constructor() {
    super('questions.file_not_utf8', 'the file is not UTF-8 text');
  }
}

/** The import form's fields are missing or malformed (`issues` names them). */
export class ImportFieldsInvalidError extends InvalidInputError {
  constructor(issues: readonly FieldIssue[]) {
    super('questions.import_field_invalid', 'the import fields are invalid', {}, issues);
  }
}
