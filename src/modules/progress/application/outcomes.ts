import type { AttemptOutcomes, FinishedAttempt } from '../../assessment/index.ts';
import type { JourneyDecisions } from './contract.ts';
import { activateStage } from './journey.ts';
import type { ProgressRepositories } from './ports.ts';

/**
 * What a finished attempt changes, in assessment's finishing transaction: mastery from every
 * graded question, then — for a pass — the journey's next step.
 */
export function createAttemptOutcomes(
  repositories: ProgressRepositories,
  decisions: JourneyDecisions,
): AttemptOutcomes {
  const { enrollments, stages, assignments, tracks, approvals } = repositories;

  async function diagnosticTaken(attempt: FinishedAttempt): Promise<void> {
    const enrollment = await enrollments.lockByUserAndTrack(attempt.userId, attempt.trackId);
    if (!enrollment || enrollment.status !== 'diagnostic') return;
    const track = await tracks.outline(attempt.trackId);
    const first = track?.stages[0];
    await enrollments.markLearning(enrollment.id, attempt.finishedAt);
    if (!track || !first) await enrollments.markFinal(enrollment.id, attempt.finishedAt);
    else await activateStage(repositories, { ...enrollment, status: 'learning' }, track, first, attempt.finishedAt);
  }

  async function minitestPassed(attempt: FinishedAttempt): Promise<void> {
    if (!attempt.articleId) return;
    const assignment = await assignments.lockInOpenStage(attempt.userId, attempt.articleId);
    // Not opened yet: opening it later completes it (the pass is on record).
    if (assignment?.openedAt && !assignment.doneAt) {
      await assignments.markDone(attempt.userId, assignment.stageId, attempt.articleId, attempt.finishedAt);
    }
  }

  async function levelExamPassed(attempt: FinishedAttempt): Promise<void> {
    if (!attempt.stageId) return;
    const stage = await stages.lock(attempt.userId, attempt.stageId);
    if (stage?.status !== 'active') return;
    await stages.markPendingApproval(attempt.userId, attempt.stageId, attempt.finishedAt);
    await requestApproval(attempt, 'stage_transition', attempt.stageId);
  }

  async function rankFinalPassed(attempt: FinishedAttempt): Promise<void> {
    const enrollment = await enrollments.lockByUserAndTrack(attempt.userId, attempt.trackId);
    if (enrollment?.status !== 'final') return;
    await requestApproval(attempt, 'graduation', null);
  }

  async function requestApproval(
    attempt: FinishedAttempt,
    kind: 'stage_transition' | 'graduation',
    stageId: string | null,
  ): Promise<void> {
    const settings = await tracks.settings(attempt.trackId, attempt.settingsVersion);
    const request = await approvals.open({
      userId: attempt.userId,
      trackId: attempt.trackId,
      kind,
      stageId,
      attemptId: attempt.attemptId,
      required: settings?.params.approval.required ?? true,
      at: attempt.finishedAt,
    });
    // `approval.required = false`: approved on the spot, so the journey moves on in this transaction.
    if (request.status === 'approved') {
      await decisions.approved({
        userId: attempt.userId,
        trackId: attempt.trackId,
        kind,
        stageId,
        at: attempt.finishedAt,
      });
    }
  }

  return {
    async attemptFinished(attempt) {
      await repositories.mastery.record(attempt.userId, attempt.trackId, attempt.perModule, attempt.finishedAt);
      if (attempt.status !== 'passed') return;
      if (attempt.kind === 'diagnostic') await diagnosticTaken(attempt);
      else if (attempt.kind === 'minitest') await minitestPassed(attempt);
      else if (attempt.kind === 'level_exam') await levelExamPassed(attempt);
      else await rankFinalPassed(attempt);
    },
  };
}
