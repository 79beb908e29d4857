import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/shared/infrastructure/db/database.ts';
import type { LearningTrack } from '../support/learning.ts';

/**
 * Learning-table rows written directly (the attempt and approval flows have their own tests):
 * enough for the read model's numbers. Attempts go in open, get their questions and answers
 * (the database accepts answers only while an attempt is in progress), then are finished.
 */
export type AnswerRow = Readonly<{ questionId: string; moduleId: string; selected: number[] | null; correct: boolean }>;

export function learningRows(db: Db, track: LearningTrack) {
  const trackId = track.id;
  const version = track.settingsVersion;

  return {
    async enroll(userId: string, status: 'diagnostic' | 'learning' | 'final' | 'graduated', at: Date) {
      const id = randomUUID();
      await db
        .insertInto('enrollments')
        .values({
          id,
          userId,
          trackId,
          status,
          enrolledAt: at,
          graduatedAt: status === 'graduated' ? at : null,
          updatedAt: at,
        })
        .execute();
      return id;
    },

    async stage(
      userId: string,
      enrollmentId: string,
      stageId: string,
      status: 'active' | 'pending_approval' | 'completed',
      at: Date,
    ) {
      await db
        .insertInto('stageProgress')
        .values({
          userId,
          stageId,
          enrollmentId,
          trackId,
          settingsVersion: version,
          status,
          startedAt: at,
          completedAt: status === 'completed' ? at : null,
          updatedAt: at,
        })
        .execute();
    },

    /** An attempt with its answers; `status` is where it ends (in_progress leaves it open). */
    async attempt(input: {
      userId: string;
      kind: 'diagnostic' | 'level_exam' | 'rank_final';
      stageId?: string;
      number: number;
      status: 'in_progress' | 'passed' | 'failed' | 'annulled';
      startedAt: Date;
      finishedAt: Date;
      answers: readonly AnswerRow[];
      annulledBy?: string;
    }) {
      const id = randomUUID();
      await db
        .insertInto('attempts')
        .values({
          id,
          userId: input.userId,
          trackId,
          kind: input.kind,
          stageId: input.kind === 'level_exam' ? (input.stageId ?? null) : null,
          settingsVersion: version,
          number: input.number,
          seed: 42,
          startedAt: input.startedAt,
          deadlineAt: null,
          questionCount: input.answers.length,
          passPercent: input.kind === 'diagnostic' ? null : 60,
        })
        .execute();
      await db
        .insertInto('attemptQuestions')
        .values(
          input.answers.map((answer, index) => ({
            attemptId: id,
            questionId: answer.questionId,
            moduleId: answer.moduleId,
            position: index + 1,
          })),
        )
        .execute();
      const answered = input.answers.filter((answer) => answer.selected !== null);
      if (answered.length > 0) {
        await db
          .insertInto('attemptAnswers')
          .values(
            answered.map((answer) => ({
              attemptId: id,
              questionId: answer.questionId,
              selected: answer.selected as number[],
              answeredAt: input.startedAt,
            })),
          )
          .execute();
      }
      if (input.status === 'in_progress') return id;
      for (const answer of input.answers) {
        await db
          .updateTable('attemptQuestions')
          .set({ correct: answer.correct })
          .where('attemptId', '=', id)
          .where('questionId', '=', answer.questionId)
          .execute();
      }
      const correct = input.answers.filter((answer) => answer.correct).length;
      await db
        .updateTable('attempts')
        .set({
          status: input.status,
          finishedAt: input.finishedAt,
          correctCount: correct,
          score: Math.round((correct * 10_000) / input.answers.length) / 100,
          ...(input.status === 'annulled'
            ? { annulledAt: input.finishedAt, annulledBy: input.annulledBy ?? null, annulReason: 'rejected' }
            : {}),
        })
        .where('id', '=', id)
        .execute();
      return id;
    },

    async approval(input: {
      userId: string;
      kind: 'stage_transition' | 'graduation';
      stageId?: string;
      attemptId: string;
      status: 'pending' | 'approved' | 'rejected';
      requestedAt: Date;
      decidedAt?: Date;
      decidedBy?: string;
      automatic?: boolean;
    }) {
      await db
        .insertInto('approvalRequests')
        .values({
          id: randomUUID(),
          userId: input.userId,
          trackId,
          kind: input.kind,
          stageId: input.kind === 'stage_transition' ? (input.stageId ?? null) : null,
          attemptId: input.attemptId,
          status: input.status,
          requestedAt: input.requestedAt,
          decidedAt: input.decidedAt ?? null,
          decidedBy: input.automatic ? null : (input.decidedBy ?? null),
          automatic: input.automatic ?? false,
          comment: input.status === 'rejected' ? 'Not yet.' : null,
        })
        .execute();
    },
  };
}
