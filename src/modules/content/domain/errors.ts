import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';

export class ContentForbiddenError extends ForbiddenError {
  constructor() {
    super('content.forbidden', 'only moderators, admins and the owner write articles');
  }
}

export class ArticleNotFoundError extends NotFoundError {
  constructor() {
    super('content.article_not_found', 'no such article');
  }
}

export class InvalidArticleError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('content.invalid_article', 'the article has invalid fields', { count: issues.length }, issues);
  }
}

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('content.slug_taken', `another article already has the slug ${slug}`, { slug });
  }
}

export class ArticleInUseError extends ConflictError {
  constructor() {
    super('content.article_in_use', 'a student assignment refers to this article');
  }
}

export class MinitestNeedsModuleError extends RuleViolationError {
  constructor() {
    super('content.minitest_needs_module', 'link the article to a track and a module before writing its mini-test');
  }
}

export class InvalidMinitestError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('content.invalid_minitest', 'the mini-test has invalid questions', { count: issues.length }, issues);
  }
}
