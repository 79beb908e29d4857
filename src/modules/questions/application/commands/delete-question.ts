import { assertCanManageQuestions } from '../../domain/access.ts';
import { QuestionNotFoundError, QuestionUsedError } from '../../domain/errors.ts';
import type { QuestionActor } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

/** Deletes a question no attempt has used; a used one stays for its attempts' history (retire it). */
export function makeDeleteQuestion(deps: Pick<QuestionsDeps, 'uow'>) {
  return async function deleteQuestion(input: { actor: QuestionActor; id: string }): Promise<void> {
    assertCanManageQuestions(input.actor);
    await deps.uow.run(async (tx) => {
      const current = await tx.questions.lockById(input.id);
      if (!current) throw new QuestionNotFoundError(input.id);
      if (current.usedAt !== null) throw new QuestionUsedError();
      await tx.tracks.holdTrack(current.trackId);
      await tx.questions.delete(current.id);
    });
  };
}
