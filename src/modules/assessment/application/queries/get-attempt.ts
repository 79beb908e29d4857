import { revealsCorrectAnswers } from '../../domain/attempt-rules.ts';
import { attemptResult } from '../attempt-results.ts';
import type { AssessmentUseCases, AttemptQuestionView, AttemptView } from '../contract.ts';
import { ownedAttempt } from '../owned-attempt.ts';
import type { AssessmentDeps, AttemptItem, AttemptRecord } from '../ports.ts';

/**
 * The student's own attempt. While it is in progress nothing tells which options are correct;
 * after the end every question says whether it was right, and the review policy decides whether
 * the correct options and explanations are shown.
 */
export function getAttempt(deps: AssessmentDeps): AssessmentUseCases['getAttempt'] {
  const { attempts, tracks } = deps.reads;
  return async (actor, attemptId) => {
    const record = await ownedAttempt(actor, attemptId, (id) => attempts.find(id));
    const [items, outline] = await Promise.all([attempts.items(record.id), tracks.outline(record.trackId)]);
    const ended = record.status !== 'in_progress';
    const reveal = ended && (await reviewReveals(deps, record));
    const stage = outline?.stages.find((candidate) => candidate.id === record.stageId) ?? null;
    const titles = new Map((outline?.modules ?? []).map((module) => [module.id, module.title]));
    const view: AttemptView = {
      id: record.id,
      kind: record.kind,
      status: record.status,
      number: record.number,
      track: { id: record.trackId, slug: outline?.slug ?? '', title: outline?.title ?? '' },
      stage: stage && { id: stage.id, position: stage.position, title: stage.title },
      articleId: record.articleId,
      startedAt: record.startedAt,
      deadlineAt: record.deadlineAt,
      finishedAt: record.finishedAt,
      questions: items.map((item) => questionView(deps, item, ended, reveal)),
      result: ended ? (attemptResult(record, await attempts.moduleResults(record.id), titles) ?? null) : null,
      annulReason: record.status === 'annulled' ? record.annulReason : null,
    };
    return view;
  };
}

async function reviewReveals(deps: AssessmentDeps, record: AttemptRecord): Promise<boolean> {
  if (record.kind !== 'level_exam' && record.kind !== 'rank_final') return revealsCorrectAnswers(record.kind, false);
  const settings = await deps.reads.tracks.settings(record.trackId, record.settingsVersion);
  const exam = record.kind === 'level_exam' ? settings?.levelExam : settings?.rankFinal;
  return revealsCorrectAnswers(record.kind, exam?.revealCorrectAnswers ?? false);
}

/** Built field by field: the correct options are added only when the policy allows, never copied by accident. */
function questionView(deps: AssessmentDeps, item: AttemptItem, ended: boolean, reveal: boolean): AttemptQuestionView {
  const base = {
    id: item.questionId,
    position: item.position,
    moduleId: item.moduleId,
    kind: item.kind,
    text: item.text,
    html: deps.markdown.block(item.text),
    options: [...item.options],
    optionsHtml: item.options.map((option) => deps.markdown.inline(option)),
    selected: item.selected ? [...item.selected] : null,
  };
  if (!ended) return base;
  if (!reveal) return { ...base, correct: item.graded ?? false };
  return {
    ...base,
    correct: item.graded ?? false,
    correctOptions: [...item.correctOptions],
    explanation: item.explanation,
    explanationHtml: deps.markdown.block(item.explanation),
  };
}
