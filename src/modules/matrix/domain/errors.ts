import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
} from '../../../shared/domain/errors.ts';

export class MatrixForbiddenError extends ForbiddenError {
  constructor() {
    super('matrix.forbidden', 'the matrix is managed by moderators, admins and the owner');
  }
}

export class MatrixUnauthenticatedError extends UnauthenticatedError {
  constructor() {
    super('matrix.unauthenticated', 'sign in to manage the matrix');
  }
}

export type MatrixEntity = 'sheet' | 'grade' | 'section' | 'subsection' | 'item' | 'module';

export class MatrixNotFoundError extends NotFoundError {
  constructor(entity: MatrixEntity, id: string) {
    super(`matrix.${entity}_not_found`, `no such ${entity}`, { id });
  }
}

export class MatrixSlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('matrix.slug_taken', 'the slug is taken', { slug });
  }
}

export class MatrixGradeTakenError extends ConflictError {
  constructor(slug: string) {
    super('matrix.grade_taken', 'the sheet has a grade with this slug or title', { slug });
  }
}

/** A grade or section that items still use. */
export class MatrixInUseError extends ConflictError {
  constructor(entity: 'grade' | 'section' | 'subsection', count: number) {
    super(`matrix.${entity}_in_use`, `the ${entity} has items`, { count });
  }
}

export class InvalidMatrixInputError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('matrix.invalid_input', 'the input is not valid', {}, issues);
  }
}

/** A grade of another sheet. */
export class MatrixGradeMismatchError extends RuleViolationError {
  constructor() {
    super('matrix.grade_of_other_sheet', 'the grade belongs to another sheet');
  }
}
