import { isUuid } from '../../../../shared/domain/ids.ts';
import { isPastDeadline, selectionIssues } from '../../domain/attempt-rules.ts';
import {
  AttemptExpiredError,
  AttemptFinishedError,
  InvalidSelectionError,
  QuestionNotInAttemptError,
} from '../../domain/errors.ts';
import type { AssessmentUseCases } from '../contract.ts';
import { ownedAttempt } from '../owned-attempt.ts';
import type { AssessmentDeps } from '../ports.ts';

/**
 * Autosave of one answer. The attempt row is share-locked: answers of one attempt run side by
 * side, while finishing (which locks it for update) waits for them, and an answer arriving after
 * the finish sees the attempt finished.
 */
export function saveAnswer(deps: AssessmentDeps): AssessmentUseCases['saveAnswer'] {
  return (actor, attemptId, questionId, selected) =>
    deps.uow.run(async ({ attempts }) => {
      const record = await ownedAttempt(actor, attemptId, (id) => attempts.lock(id, 'share'));
      const now = deps.now();
      if (record.status !== 'in_progress') throw new AttemptFinishedError();
      if (isPastDeadline(record.deadlineAt, now)) throw new AttemptExpiredError();
      const item = isUuid(questionId) ? await attempts.item(record.id, questionId.toLowerCase()) : undefined;
      if (!item) throw new QuestionNotInAttemptError();
      const issues = selectionIssues(item.kind, item.options.length, selected);
      if (issues.length > 0) throw new InvalidSelectionError(issues);
      if (selected.length === 0) await attempts.clearAnswer(record.id, item.questionId);
      else await attempts.saveAnswer(record.id, item.questionId, selected, now);
    });
}
