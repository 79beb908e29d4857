import { InvalidQuestionError } from '../domain/errors.ts';
import { normalizeDraft, type QuestionDraftFields, validateQuestionDraft } from '../domain/question.ts';
import type { TrackDirectory } from './track-directory.ts';

/** The draft trimmed and checked against the bank's rules and its track, or 422 with every issue. */
export async function checkedDraft(tracks: TrackDirectory, draft: QuestionDraftFields): Promise<QuestionDraftFields> {
  const normalized = normalizeDraft(draft);
  const track = await tracks.outline(draft.trackId);
  const issues = validateQuestionDraft(normalized, track?.id === draft.trackId ? track : undefined);
  if (issues.length > 0) throw new InvalidQuestionError(issues);
  return { ...normalized, correct: [...normalized.correct].sort((a, b) => a - b) };
}
