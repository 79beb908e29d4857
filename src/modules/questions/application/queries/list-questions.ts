import { assertCanManageQuestions } from '../../domain/access.ts';
import type { QuestionActor, QuestionFilter, QuestionView } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

/** The bank filtered by track, module, stage, status, kind and a text search, newest first. */
export function makeListQuestions(deps: Pick<QuestionsDeps, 'reads'>) {
  return async function listQuestions(input: {
    actor: QuestionActor;
    filter: QuestionFilter;
  }): Promise<{ items: readonly QuestionView[]; total: number }> {
    assertCanManageQuestions(input.actor);
    const q = input.filter.q?.trim();
    return deps.reads.list({ ...input.filter, q: q === '' ? undefined : q });
  };
}
