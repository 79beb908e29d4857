import { InvalidQuestionError } from '../domain/errors.ts';
import { normalizeDraft, type QuestionDraftFields, validateQuestionDraft } from '../domain/question.ts';
import type { TrackOutline } from './track-directory.ts';

/**
 * The draft trimmed and checked against the bank's rules and `track` (its track as read before
 * the caller's transaction: the directory is another connection), or 422 with every issue.
 */
export function checkedDraft(track: TrackOutline | undefined, draft: QuestionDraftFields): QuestionDraftFields {
  const normalized = normalizeDraft(draft);
  const issues = validateQuestionDraft(normalized, track?.id === normalized.trackId ? track : undefined);
  if (issues.length > 0) throw new InvalidQuestionError(issues);
  return { ...normalized, correct: [...normalized.correct].sort((a, b) => a - b) };
}
