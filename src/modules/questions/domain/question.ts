import type { FieldIssue } from '../../../shared/domain/errors.ts';
import type { QuestionKind } from './formats/parsed-question.ts';

export type { QuestionKind };

/** The content of a question as an editor or an import submits it (the contract's `QuestionDraft`). */
export type QuestionDraftFields = Readonly<{
  trackId: string;
  moduleId: string;
  /** The stage tier; null = any stage. */
  stageId: string | null;
  kind: QuestionKind;
  /** An optional short title (GIFT `::name::`). */
  name: string | null;
  /** Markdown. */
  text: string;
  options: readonly string[];
  /** Indexes into `options`. */
  correct: readonly number[];
  /** Markdown; may be empty. */
  explanation: string;
}>;

/** Where a question may go: the modules and stages of its track. */
export type TrackPlaces = Readonly<{
  modules: readonly Readonly<{ id: string }>[];
  stages: readonly Readonly<{ id: string }>[];
}>;

export const QUESTION_LIMITS = {
  textMax: 20_000,
  optionsMin: 2,
  optionsMax: 10,
  optionMax: 2_000,
  nameMax: 200,
  explanationMax: 20_000,
} as const;

/** Tabs and line breaks are text; any other control character (U+0000 cannot even be stored) is refused. */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

/**
 * Trims what white space never means anything in: names, options, the ends of texts; ids are
 * UUIDs, compared in lower case (as PostgreSQL prints them).
 */
export function normalizeDraft<T extends QuestionDraftFields>(draft: T): T {
  const name = draft.name?.trim() ?? '';
  return {
    ...draft,
    trackId: draft.trackId.toLowerCase(),
    moduleId: draft.moduleId.toLowerCase(),
    stageId: draft.stageId?.toLowerCase() ?? null,
    name: name === '' ? null : name,
    text: draft.text.trim(),
    options: draft.options.map((option) => option.trim()),
    explanation: draft.explanation.trim(),
  };
}

/**
 * Every rule a question breaks, all at once (an empty list when it is fine). `track` is the
 * draft's track (undefined when there is none): the module and the stage must be its own.
 */
export function validateQuestionDraft(draft: QuestionDraftFields, track: TrackPlaces | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [...placeIssues(draft, track)];
  const { textMax, nameMax, explanationMax } = QUESTION_LIMITS;
  if (draft.text.trim() === '') issues.push({ path: '/text', code: 'empty_text' });
  else if (draft.text.length > textMax) issues.push({ path: '/text', code: 'text_too_long', params: { max: textMax } });
  else if (CONTROL_CHARACTER.test(draft.text)) issues.push({ path: '/text', code: 'text_control_characters' });
  if (draft.name !== null && draft.name.trim() === '') issues.push({ path: '/name', code: 'empty_name' });
  if (draft.name !== null && draft.name.length > nameMax) {
    issues.push({ path: '/name', code: 'name_too_long', params: { max: nameMax } });
  } else if (draft.name !== null && CONTROL_CHARACTER.test(draft.name)) {
    issues.push({ path: '/name', code: 'name_control_characters' });
  }
  if (draft.explanation.length > explanationMax) {
    issues.push({ path: '/explanation', code: 'explanation_too_long', params: { max: explanationMax } });
  } else if (CONTROL_CHARACTER.test(draft.explanation)) {
    issues.push({ path: '/explanation', code: 'explanation_control_characters' });
  }
  return [...issues, ...optionIssues(draft.options), ...correctIssues(draft)];
}

function placeIssues(draft: QuestionDraftFields, track: TrackPlaces | undefined): FieldIssue[] {
  if (!track) return [{ path: '/trackId', code: 'unknown_track' }];
  const issues: FieldIssue[] = [];
  if (!track.modules.some((module) => module.id === draft.moduleId)) {
    issues.push({ path: '/moduleId', code: 'module_not_in_track' });
  }
  if (draft.stageId !== null && !track.stages.some((stage) => stage.id === draft.stageId)) {
    issues.push({ path: '/stageId', code: 'stage_not_in_track' });
  }
  return issues;
}

function optionIssues(options: readonly string[]): FieldIssue[] {
  const { optionsMin, optionsMax, optionMax } = QUESTION_LIMITS;
  const issues: FieldIssue[] = [];
  if (options.length < optionsMin)
    issues.push({ path: '/options', code: 'too_few_options', params: { count: options.length } });
  if (options.length > optionsMax)
    issues.push({ path: '/options', code: 'too_many_options', params: { count: options.length } });
  const seen = new Set<string>();
  options.forEach((option, index) => {
    const path = `/options/${index}`;
    const params = { option: index + 1 };
    const trimmed = option.trim();
    if (trimmed === '') issues.push({ path, code: 'empty_option', params });
    else if (option.length > optionMax)
      issues.push({ path, code: 'option_too_long', params: { ...params, max: optionMax } });
    else if (CONTROL_CHARACTER.test(option)) issues.push({ path, code: 'option_control_characters', params });
    else if (seen.has(trimmed)) issues.push({ path, code: 'duplicate_option', params });
    seen.add(trimmed);
  });
  return issues;
}

function correctIssues(draft: QuestionDraftFields): FieldIssue[] {
  const { correct, options, kind } = draft;
  if (correct.length === 0) return [{ path: '/correct', code: 'no_correct_option' }];
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  correct.forEach((index, position) => {
    const path = `/correct/${position}`;
    if (!Number.isInteger(index) || index < 0 || index >= options.length) {
      issues.push({ path, code: 'correct_out_of_range', params: { value: index + 1 } });
    } else if (seen.has(index)) {
      issues.push({ path, code: 'duplicate_correct', params: { value: index + 1 } });
    }
    seen.add(index);
  });
  if (kind === 'single' && correct.length > 1) issues.push({ path: '/correct', code: 'single_needs_one_correct' });
  return issues;
}

/** Whether two drafts say the same thing (an edit that changes nothing is no edit). */
export function sameContent(a: QuestionDraftFields, b: QuestionDraftFields): boolean {
  return (
    a.moduleId === b.moduleId &&
    a.stageId === b.stageId &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.text === b.text &&
    a.explanation === b.explanation &&
    a.options.length === b.options.length &&
    a.options.every((option, index) => option === b.options[index]) &&
    a.correct.length === b.correct.length &&
    a.correct.every((index, position) => index === b.correct[position])
  );
}

/** The draft a partial edit leads to: fields left out (or undefined) keep their current value. */
export function applyChanges(
  current: QuestionDraftFields,
  changes: Partial<Omit<QuestionDraftFields, 'trackId'>>,
): QuestionDraftFields {
  const pick = <K extends keyof QuestionDraftFields>(key: K): QuestionDraftFields[K] => {
    const value = (changes as Partial<QuestionDraftFields>)[key];
    return value === undefined ? current[key] : value;
  };
  return {
    trackId: current.trackId,
    moduleId: pick('moduleId'),
    stageId: pick('stageId'),
    kind: pick('kind'),
    name: pick('name'),
    text: pick('text'),
    options: pick('options'),
    correct: pick('correct'),
    explanation: pick('explanation'),
  };
}
