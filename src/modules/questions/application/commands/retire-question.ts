import { assertCanManageQuestions } from '../../domain/access.ts';
import { QuestionNotFoundError } from '../../domain/errors.ts';
import type { QuestionActor, QuestionView } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

/** Takes a question out of every future exam; retiring a retired question changes nothing. */
export function makeRetireQuestion(deps: Pick<QuestionsDeps, 'uow'>) {
  return async function retireQuestion(input: { actor: QuestionActor; id: string; now: Date }): Promise<QuestionView> {
    assertCanManageQuestions(input.actor);
    return deps.uow.run(async (tx) => {
      const current = await tx.questions.lockById(input.id);
      if (!current) throw new QuestionNotFoundError(input.id);
      if (current.status === 'retired') return current;
      await tx.tracks.holdTrack(current.trackId);
      return tx.questions.retire(current.id, input.now);
    });
  };
}
