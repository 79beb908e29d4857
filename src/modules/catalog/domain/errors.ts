import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';

export class CatalogForbiddenError extends ForbiddenError {
  constructor() {
    super('catalog.forbidden', 'the catalog is managed by admins and the owner');
  }
}

export class TrackNotFoundError extends NotFoundError {
  constructor(idOrSlug: string) {
    super('catalog.track_not_found', 'no such track', { id: idOrSlug });
  }
}

export class StageNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('catalog.stage_not_found', 'no such stage', { id });
  }
}

export class ModuleNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('catalog.module_not_found', 'no such module', { id });
  }
}

export class SettingsVersionNotFoundError extends NotFoundError {
  constructor(version: number) {
    super('catalog.settings_version_not_found', 'the track has no such settings version', { version });
  }
}

/** Title, slug, description or position of a track, stage or module: every failing field. */
export class InvalidCatalogInputError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('catalog.invalid_input', 'some fields are invalid', { count: issues.length }, issues);
  }
}

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('catalog.slug_taken', 'another track has this slug', { slug });
  }
}

export class ModuleSlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('catalog.module_slug_taken', 'another module of the track has this slug', { slug });
  }
}

/** Stages and modules of a published track stay as students see them; unpublish first. */
export class TrackPublishedError extends ConflictError {
  constructor() {
    super('catalog.track_published', 'unpublish the track before changing its stages or modules');
  }
}

export class TrackNotDraftError extends ConflictError {
  constructor() {
    super('catalog.track_not_draft', 'only a draft track can be deleted; unpublish it first');
  }
}

export class TrackInUseError extends ConflictError {
  constructor(count: number) {
    super('catalog.track_in_use', 'questions belong to the track', { count });
  }
}

export class StageInUseError extends ConflictError {
  constructor(count: number) {
    super('catalog.stage_in_use', 'questions use the stage', { count });
  }
}

export class StageHasLearnersError extends ConflictError {
  constructor() {
    super('catalog.stage_has_learners', 'students have progress or attempts in the stage');
  }
}

export class ModuleInUseError extends ConflictError {
  constructor(count: number) {
    super('catalog.module_in_use', 'questions use the module', { count });
  }
}

export class StagesRequiredError extends RuleViolationError {
  constructor() {
    super('catalog.stages_required', 'a track needs at least one stage to be published');
  }
}

export class ModulesRequiredError extends RuleViolationError {
  constructor() {
    super('catalog.modules_required', 'a track needs at least one module to be published');
  }
}

export class SettingsRequiredError extends RuleViolationError {
  constructor() {
    super('catalog.settings_required', 'activate a settings version before publishing');
  }
}

/** New settings that fail validation: every failing field (`/params/...`). */
export class InvalidSettingsError extends RuleViolationError {
  constructor(issues: readonly FieldIssue[]) {
    super('catalog.invalid_settings', 'the settings are invalid', { count: issues.length }, issues);
  }
}

/** A stored version that no longer fits the track (its module count changed since). */
export class SettingsOutdatedError extends RuleViolationError {
  constructor(version: number, issues: readonly FieldIssue[]) {
    super('catalog.settings_outdated', 'the settings no longer fit the track', { version }, issues);
  }
}

export class QuestionBankTooSmallError extends RuleViolationError {
  constructor(params: Readonly<Record<string, string | number>>, issues: readonly FieldIssue[]) {
    super('catalog.question_bank_too_small', 'the question bank cannot fill every exam', params, issues);
  }
}
