import { assertCanManageQuestions } from '../../domain/access.ts';
import { QuestionNotFoundError } from '../../domain/errors.ts';
import type { QuestionActor, QuestionView } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

/** One question with its correct options, for staff. */
export function makeGetQuestion(deps: Pick<QuestionsDeps, 'reads'>) {
  return async function getQuestion(input: { actor: QuestionActor; id: string }): Promise<QuestionView> {
    assertCanManageQuestions(input.actor);
    const question = await deps.reads.byId(input.id);
    if (!question) throw new QuestionNotFoundError(input.id);
    return question;
  };
}
