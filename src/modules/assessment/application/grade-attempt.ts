import { finishTime } from '../domain/attempt-rules.ts';
import { isAnswerCorrect, isPassed, scorePercent } from '../domain/grading.ts';
import { finishedAttempt } from './attempt-results.ts';
import type { AssessmentRepositories, AttemptRecord } from './ports.ts';

/**
 * The one finishing path (the student's finish and the expiry job): grades every question of a
 * locked in-progress attempt (unanswered = wrong), stores the result, lets progress move the
 * journey on in the same transaction and records `attempt.finished`. Returns the stored row.
 */
export async function gradeLockedAttempt(
  repositories: AssessmentRepositories,
  record: AttemptRecord,
  now: Date,
): Promise<AttemptRecord> {
  if (record.status !== 'in_progress') throw new Error(`attempt ${record.id} is already finished`);
  const { attempts } = repositories;
  const items = await attempts.items(record.id);
  const grades = items.map((item) => ({
    questionId: item.questionId,
    correct: isAnswerCorrect(item.kind, item.correctOptions, item.selected),
  }));
  const correctCount = grades.filter((grade) => grade.correct).length;
  const score = scorePercent(correctCount, record.questionCount);
  const passed = record.kind === 'diagnostic' || isPassed(score, record.passPercent ?? 100);
  await attempts.recordGrading(record.id, {
    grades,
    status: passed ? 'passed' : 'failed',
    correctCount,
    score,
    finishedAt: finishTime(record.startedAt, record.deadlineAt, now),
  });
  const graded = await attempts.find(record.id);
  if (!graded) throw new Error(`attempt ${record.id} vanished while being graded`);
  const perModule = await attempts.moduleResults(record.id);
  await repositories.outcomes.attemptFinished(finishedAttempt(graded, perModule));
  await repositories.outbox.add({
    type: 'attempt.finished',
    payload: {
      attemptId: graded.id,
      userId: graded.userId,
      trackId: graded.trackId,
      kind: graded.kind,
      stageId: graded.stageId,
      articleId: graded.articleId,
      status: graded.status,
      score: graded.score,
      finishedAt: graded.finishedAt?.toISOString() ?? null,
    },
  });
  return graded;
}
