import { assertCanManageQuestions } from '../../domain/access.ts';
import { QuestionNotFoundError, QuestionRetiredError } from '../../domain/errors.ts';
import { applyChanges, sameContent } from '../../domain/question.ts';
import { checkedDraft } from '../checked-draft.ts';
import type { QuestionActor, QuestionDraft, QuestionView } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

export type UpdateQuestionInput = {
  actor: QuestionActor;
  id: string;
  changes: Partial<Omit<QuestionDraft, 'trackId'>>;
  now: Date;
};

/**
 * Edits a question. One an attempt has used keeps its content: the edit becomes a new question
 * that replaces it, and the old one is retired, in the same transaction.
 */
export function makeUpdateQuestion(deps: Pick<QuestionsDeps, 'uow' | 'reads' | 'tracks' | 'newId'>) {
  return async function updateQuestion(
    input: UpdateQuestionInput,
  ): Promise<{ question: QuestionView; replaced: boolean }> {
    assertCanManageQuestions(input.actor);
    // The track (a question never leaves it) is read before the transaction, on a connection of
    // its own: waiting for a second connection while holding the question's lock starves the
    // pool when edits of one question queue on that lock.
    const found = await deps.reads.byId(input.id);
    if (!found) throw new QuestionNotFoundError(input.id);
    const track = await deps.tracks.outline(found.trackId);
    return deps.uow.run(async (tx) => {
      const current = await tx.questions.lockById(input.id);
      if (!current) throw new QuestionNotFoundError(input.id);
      if (current.status === 'retired') throw new QuestionRetiredError();
      await tx.tracks.holdTrack(current.trackId);
      const draft = checkedDraft(track, applyChanges(current, input.changes));
      if (sameContent(current, draft)) return { question: current, replaced: false };
      if (current.usedAt === null) {
        return { question: await tx.questions.changeContent(current.id, draft, input.now), replaced: false };
      }
      const { id, actor, now } = { id: deps.newId(), actor: input.actor, now: input.now };
      const question = await tx.questions.insert({ ...draft, id, replacesId: current.id, createdBy: actor.id, now });
      await tx.questions.retire(current.id, now);
      return { question, replaced: true };
    });
  };
}
