import type { Db } from '../../src/shared/infrastructure/db/database.ts';
import { HOUR, MINUTE } from '../support/clock.ts';
import type { LearningTrack } from '../support/learning.ts';
import { type AnswerRow, learningRows } from './rows.ts';

/**
 * A small journey whose numbers are worked out by hand (the expectations in the tests):
 * three students on stage 1's level exam (one retried, one with an annulled pass), one who went on
 * to stage 2 and graduated, one still in the diagnostic; approvals decided after 2, 4, 6 and 1
 * hours (and one automatic), one pending for 3 hours. Plus rows that must NOT count: an annulled
 * attempt, a diagnostic and an attempt in progress. Correct option: index 0.
 */
export async function buildDataset(
  db: Db,
  track: LearningTrack,
  users: Readonly<{ s1: string; s2: string; s3: string; s4: string; admin: string }>,
  now: Date,
) {
  const rows = learningRows(db, track);
  const at = (hours: number) => new Date(now.getTime() - 240 * HOUR + hours * HOUR);
  const [stage1, stage2] = track.stages.map((stage) => stage.id) as [string, string];
  const [moduleA, moduleB] = track.modules.map((module) => module.id) as [string, string];
  const poolA = track.questionsByModule.get(moduleA) ?? [];
  const poolB = track.questionsByModule.get(moduleB) ?? [];
  // Q1..Q4 from stage 1's tier, Q5, Q6 from stage 2's, Q7 never asked.
  const q = {
    q1: poolA[0] as string,
    q2: poolA[1] as string,
    q3: poolB[0] as string,
    q4: poolB[1] as string,
    q5: poolA[2] as string,
    q6: poolB[2] as string,
    q7: poolA[3] as string,
  };
  const answers = (...picked: [string, number[] | null][]): AnswerRow[] =>
    picked.map(([questionId, selected]) => ({
      questionId,
      moduleId: [q.q1, q.q2, q.q5, q.q7].includes(questionId) ? moduleA : moduleB,
      selected,
      correct: selected !== null && selected.length === 1 && selected[0] === 0,
    }));

  const e1 = await rows.enroll(users.s1, 'learning', at(0));
  const e2 = await rows.enroll(users.s2, 'learning', at(0));
  const e3 = await rows.enroll(users.s3, 'graduated', at(0));
  await rows.enroll(users.s4, 'diagnostic', at(0));
  await rows.stage(users.s1, e1, stage1, 'completed', at(1));
  await rows.stage(users.s1, e1, stage2, 'active', at(30));
  await rows.stage(users.s2, e2, stage1, 'pending_approval', at(1));
  await rows.stage(users.s3, e3, stage1, 'completed', at(1));
  await rows.stage(users.s3, e3, stage2, 'completed', at(40));

  const exam = (userId: string, number: number, status: 'passed' | 'failed' | 'annulled', hour: number) => ({
    userId,
    kind: 'level_exam' as const,
    stageId: stage1,
    number,
    status,
    startedAt: at(hour),
    finishedAt: new Date(at(hour).getTime() + 20 * MINUTE),
  });
  // Stage 1 (scores 50, 75, 50, [annulled 100], 75, 75).
  await rows.attempt({
    ...exam(users.s1, 1, 'failed', 10),
    answers: answers([q.q1, [0]], [q.q2, [0]], [q.q3, [1]], [q.q4, null]),
  });
  const a2 = await rows.attempt({
    ...exam(users.s1, 2, 'passed', 20),
    answers: answers([q.q1, [0]], [q.q2, [1]], [q.q3, [0]], [q.q4, [0]]),
  });
  await rows.attempt({
    ...exam(users.s2, 1, 'failed', 11),
    answers: answers([q.q1, [0]], [q.q2, [0]], [q.q3, [2]], [q.q4, [1]]),
  });
  const a4 = await rows.attempt({
    ...exam(users.s2, 2, 'annulled', 21),
    annulledBy: users.admin,
    answers: answers([q.q1, [0]], [q.q2, [0]], [q.q3, [0]], [q.q4, [0]]),
  });
  const a5 = await rows.attempt({
    ...exam(users.s2, 3, 'passed', 200),
    answers: answers([q.q1, [0]], [q.q2, [2]], [q.q3, [0]], [q.q4, [0]]),
  });
  const a6 = await rows.attempt({
    ...exam(users.s3, 1, 'passed', 12),
    answers: answers([q.q1, [0]], [q.q2, [0]], [q.q3, [0]], [q.q4, [1]]),
  });
  // Stage 2 (0, 100) and the rank final (50).
  const stage2Exam = (number: number, status: 'passed' | 'failed', hour: number) => ({
    ...exam(users.s3, number, status, hour),
    stageId: stage2,
  });
  await rows.attempt({ ...stage2Exam(1, 'failed', 41), answers: answers([q.q5, [1]], [q.q6, [2]]) });
  const b2 = await rows.attempt({ ...stage2Exam(2, 'passed', 50), answers: answers([q.q5, [0]], [q.q6, [0]]) });
  const r1 = await rows.attempt({
    userId: users.s3,
    kind: 'rank_final',
    number: 1,
    status: 'passed',
    startedAt: at(60),
    finishedAt: at(61),
    answers: answers([q.q5, [0]], [q.q6, [0, 1]]),
  });
  // Not counted: a diagnostic (wrong on Q1) and an open attempt (wrong on Q5).
  await rows.attempt({
    userId: users.s1,
    kind: 'diagnostic',
    number: 1,
    status: 'passed',
    startedAt: at(2),
    finishedAt: at(3),
    answers: answers([q.q1, [1]], [q.q3, [2]]),
  });
  await rows.attempt({
    ...exam(users.s1, 1, 'failed', 100),
    stageId: stage2,
    status: 'in_progress',
    answers: answers([q.q5, [2]]),
  });

  // Approvals: decided by a person after 2 h, 4 h (rejected), 6 h and 1 h; one automatic; one pending 3 h.
  const decided = (attemptId: string, userId: string, hour: number, wait: number, status: 'approved' | 'rejected') => ({
    userId,
    attemptId,
    status,
    requestedAt: at(hour),
    decidedAt: at(hour + wait),
    decidedBy: users.admin,
  });
  await rows.approval({ ...decided(a2, users.s1, 21, 2, 'approved'), kind: 'stage_transition', stageId: stage1 });
  await rows.approval({ ...decided(a4, users.s2, 22, 4, 'rejected'), kind: 'stage_transition', stageId: stage1 });
  await rows.approval({
    ...decided(a6, users.s3, 13, 0, 'approved'),
    kind: 'stage_transition',
    stageId: stage1,
    automatic: true,
  });
  await rows.approval({ ...decided(b2, users.s3, 51, 6, 'approved'), kind: 'stage_transition', stageId: stage2 });
  await rows.approval({ ...decided(r1, users.s3, 62, 1, 'approved'), kind: 'graduation' });
  await rows.approval({
    userId: users.s2,
    attemptId: a5,
    kind: 'stage_transition',
    stageId: stage1,
    status: 'pending',
    requestedAt: new Date(now.getTime() - 3 * HOUR),
  });
  return q;
}
