import type { Translate } from '../../../../shared/http/i18n/index.ts';
import type { QuestionView } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import type { QuestionsPagesDeps } from './deps.ts';
import { trimmed } from './support.ts';

/** The track a form names by id or slug: its outline, an error when it names none, or neither when empty. */
export async function resolveTrack(
  deps: Pick<QuestionsPagesDeps, 'tracks'>,
  value: string | undefined,
  t: Translate,
): Promise<{ outline?: TrackOutline | undefined; error?: string | undefined }> {
  const idOrSlug = trimmed(value, 100);
  if (!idOrSlug) return {};
  const outline = await deps.tracks.outline(idOrSlug);
  return outline ? { outline } : { error: t('questionsAdmin.error.trackNotFound') };
}

/** The outlines of the tracks some questions belong to (for their module and stage names). */
export async function outlinesOf(
  deps: Pick<QuestionsPagesDeps, 'tracks'>,
  questions: readonly QuestionView[],
  known?: TrackOutline,
): Promise<Map<string, TrackOutline>> {
  const outlines = new Map<string, TrackOutline>(known ? [[known.id, known]] : []);
  const missing = [...new Set(questions.map((question) => question.trackId))].filter((id) => !outlines.has(id));
  const found = await Promise.all(missing.map((id) => deps.tracks.outline(id)));
  for (const outline of found) if (outline) outlines.set(outline.id, outline);
  return outlines;
}
