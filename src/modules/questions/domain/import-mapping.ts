import type { FieldIssue } from '../../../shared/domain/errors.ts';
import type { ParsedQuestion, ParseResult, RejectReason, Rejection } from './formats/parsed-question.ts';
import { normalizeDraft, type QuestionDraftFields, validateQuestionDraft } from './question.ts';
import { plainToMarkdown, toMarkdown, toPlainOption } from './text-format.ts';

/** The track an import goes into, and the module and stage for questions that name none. */
export type ImportTarget = Readonly<{
  track: Readonly<{
    id: string;
    slug: string;
    modules: readonly Readonly<{ id: string; slug: string; title: string }>[];
    stages: readonly Readonly<{ id: string; position: number }>[];
  }>;
  moduleId?: string | undefined;
  stageId?: string | undefined;
}>;

export type PreparedQuestion = Readonly<{ line: number; draft: QuestionDraftFields }>;

export type PreparedImport = Readonly<{ accepted: readonly PreparedQuestion[]; rejected: readonly Rejection[] }>;

/**
 * Parsed questions → drafts of the track, each checked by the bank's rules; rejections keep the
 * parser's and add the mapping's and the rules' own, in line order. A file with nothing in it
 * is refused as `no_questions`.
 */
export function prepareImport(parsed: ParseResult, target: ImportTarget): PreparedImport {
  const accepted: PreparedQuestion[] = [];
  const rejected: Rejection[] = [...parsed.rejected];
  for (const question of parsed.questions) {
    const draft = draftOf(question, target);
    if ('code' in draft) {
      rejected.push({ line: question.line, reason: draft });
      continue;
    }
    const issues = validateQuestionDraft(draft, target.track);
    if (issues.length === 0) accepted.push({ line: question.line, draft });
    else rejected.push(...issues.map((issue) => ({ line: question.line, reason: reasonOf(issue) })));
  }
  if (accepted.length === 0 && rejected.length === 0) rejected.push({ line: 1, reason: { code: 'no_questions' } });
  return { accepted, rejected: rejected.sort((a, b) => a.line - b.line) };
}

function reasonOf(issue: FieldIssue): RejectReason {
  return issue.params ? { code: issue.code, params: issue.params } : { code: issue.code };
}

export function draftOf(question: ParsedQuestion, target: ImportTarget): QuestionDraftFields | RejectReason {
  const place = placeOf(question, target);
  if ('code' in place) return place;
  const options = question.options.map((option) => toPlainOption(option, question.textFormat));
  return normalizeDraft({
    trackId: target.track.id,
    ...place,
    kind: question.kind,
    name: question.name ?? null,
    text: toMarkdown(question.text, question.textFormat),
    options,
    correct: question.correct,
    explanation: explanationOf(question, options),
  });
}

/**
 * The bank keeps one explanation: the general feedback, then a line "Option — feedback" for
 * every option that had its own feedback (GIFT `#…`).
 */
function explanationOf(question: ParsedQuestion, options: readonly string[]): string {
  const general = question.explanation ? toMarkdown(question.explanation, question.textFormat) : '';
  const perOption = question.optionFeedback.flatMap((feedback, index) => {
    const text = feedback ? toMarkdown(feedback, question.textFormat) : '';
    return text === '' ? [] : [`- ${plainToMarkdown(options[index] ?? '')} — ${text}`];
  });
  return [general, perOption.join('\n')].filter((part) => part !== '').join('\n\n');
}

type Place = { moduleId: string; stageId: string | null };

function placeOf(question: ParsedQuestion, target: ImportTarget): Place | RejectReason {
  const category = question.category === undefined ? undefined : readCategory(question.category, target);
  if (category && 'code' in category) return category;
  const position = question.stage ?? category?.stage;
  const stage = position === undefined ? undefined : target.track.stages.find((s) => s.position === position);
  if (position !== undefined && !stage) return { code: 'unknown_stage', params: { stage: position } };
  const moduleId = category?.moduleId ?? target.moduleId;
  if (moduleId === undefined) return { code: 'no_module' };
  return { moduleId, stageId: stage?.id ?? target.stageId ?? null };
}

const MOODLE_CONTEXT = /^\$[a-z0-9]+\$$/i;
const STAGE_TIER = /^stage-(\d{1,6})$/i;

/**
 * A GIFT `$CATEGORY:` or a CSV `module` value → the module (by slug or title, case-insensitive)
 * and the stage tier of a trailing `/stage-<n>`. Moodle's `$course$/top/` and a leading track
 * slug are ignored; a category naming no module leaves the import's own module.
 */
export function readCategory(
  category: string,
  target: ImportTarget,
): { moduleId: string | undefined; stage: number | undefined } | RejectReason {
  const segments = category
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
  while (segments[0] !== undefined && MOODLE_CONTEXT.test(segments[0])) segments.shift();
  if (segments[0]?.toLowerCase() === 'top') segments.shift();
  let stage: number | undefined;
  const tier = STAGE_TIER.exec(segments.at(-1) ?? '');
  if (tier && (segments.length > 1 || !findModule(segments.join('/'), target))) {
    stage = Number(tier[1]);
    segments.pop();
  }
  if (segments.length > 1 && segments[0]?.toLowerCase() === target.track.slug.toLowerCase()) segments.shift();
  if (segments.length === 0) return { moduleId: undefined, stage };
  const module = findModule(segments.join('/'), target) ?? findModule(segments.at(-1) ?? '', target);
  if (!module) return { code: 'unknown_module', params: { module: segments.join('/') } };
  return { moduleId: module.id, stage };
}

/** A slug wins over a title: the export names modules by slug, and a title may equal another module's slug. */
function findModule(name: string, target: ImportTarget) {
  const wanted = name.trim().toLowerCase();
  const { modules } = target.track;
  return (
    modules.find((module) => module.slug.toLowerCase() === wanted) ??
    modules.find((module) => module.title.trim().toLowerCase() === wanted)
  );
}

/** The import's own module and stage must be the track's. */
export function importTargetIssues(target: ImportTarget): FieldIssue[] {
  const { track, moduleId, stageId } = target;
  const issues: FieldIssue[] = [];
  if (moduleId !== undefined && !track.modules.some((module) => module.id === moduleId)) {
    issues.push({ path: '/moduleId', code: 'module_not_in_track' });
  }
  if (stageId !== undefined && !track.stages.some((stage) => stage.id === stageId)) {
    issues.push({ path: '/stageId', code: 'stage_not_in_track' });
  }
  return issues;
}
