import { assertCanManageQuestions } from '../../domain/access.ts';
import { checkedDraft } from '../checked-draft.ts';
import type { QuestionActor, QuestionDraft, QuestionView } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

export type CreateQuestionInput = { actor: QuestionActor; draft: QuestionDraft; now: Date };

/** A new active question; 422 with every failing field when the draft breaks a rule. */
export function makeCreateQuestion(deps: Pick<QuestionsDeps, 'uow' | 'tracks' | 'newId'>) {
  return async function createQuestion(input: CreateQuestionInput): Promise<QuestionView> {
    assertCanManageQuestions(input.actor);
    const draft = checkedDraft(await deps.tracks.outline(input.draft.trackId), input.draft);
    return deps.uow.run((tx) =>
      tx.questions.insert({ ...draft, id: deps.newId(), replacesId: null, createdBy: input.actor.id, now: input.now }),
    );
  };
}
