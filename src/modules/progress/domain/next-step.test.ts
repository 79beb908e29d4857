import { describe, expect, it } from 'vitest';
import { type AttemptFact, type JourneyFacts, nextStep } from './next-step.ts';

const now = new Date('2026-01-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const exam = (status: AttemptFact['status'], finishedMinutesAgo: number | null, id = 'e1'): AttemptFact => ({
  id,
  kind: 'level_exam',
  status,
  finishedAt: finishedMinutesAgo === null ? null : minutesAgo(finishedMinutesAgo),
});
const learning: JourneyFacts = {
  status: 'learning',
  diagnostic: null,
  openStage: { position: 2, status: 'active' },
  assignments: [
    { articleId: 'a1', done: true },
    { articleId: 'a2', done: false },
  ],
  exams: [],
  cooldownMinutes: 30,
  certificateCode: null,
  now,
};
const studied = { ...learning, assignments: [{ articleId: 'a1', done: true }] };

describe('nextStep', () => {
  it.each<[string, JourneyFacts, ReturnType<typeof nextStep>]>([
    ['diagnostic not started', { ...learning, status: 'diagnostic', openStage: null }, { action: 'take_diagnostic' }],
    [
      'diagnostic in progress',
      {
        ...learning,
        status: 'diagnostic',
        diagnostic: { id: 'd', kind: 'diagnostic', status: 'in_progress', finishedAt: null },
      },
      { action: 'continue_attempt', attemptId: 'd', kind: 'diagnostic' },
    ],
    ['an article left', learning, { action: 'study', articleId: 'a2' }],
    ['everything read', studied, { action: 'take_level_exam', stagePosition: 2 }],
    [
      'an exam in progress',
      { ...learning, exams: [exam('in_progress', null)] },
      { action: 'continue_attempt', attemptId: 'e1', kind: 'level_exam' },
    ],
    [
      'failed 10 minutes ago, 30 minutes cooldown',
      { ...studied, exams: [exam('failed', 10)] },
      { action: 'wait_cooldown', stagePosition: 2, retryAt: new Date(now.getTime() + 20 * 60_000) },
    ],
    [
      'failed 31 minutes ago',
      { ...studied, exams: [exam('failed', 31)] },
      { action: 'take_level_exam', stagePosition: 2 },
    ],
    [
      'the failed attempt was annulled after',
      { ...studied, exams: [exam('annulled', 5, 'e2'), exam('failed', 10)] },
      { action: 'take_level_exam', stagePosition: 2 },
    ],
    [
      'waiting for approval',
      { ...studied, openStage: { position: 2, status: 'pending_approval' } },
      { action: 'wait_for_approval', stagePosition: 2 },
    ],
    ['in the final', { ...studied, status: 'final', openStage: null }, { action: 'take_rank_final' }],
    [
      'rank final passed, decision pending',
      { ...studied, status: 'final', openStage: null, exams: [{ ...exam('passed', 1), kind: 'rank_final' }] },
      { action: 'wait_for_approval', stagePosition: null },
    ],
    [
      'rank final failed within the cooldown',
      { ...studied, status: 'final', openStage: null, exams: [{ ...exam('failed', 1), kind: 'rank_final' }] },
      { action: 'wait_cooldown', stagePosition: null, retryAt: new Date(now.getTime() + 29 * 60_000) },
    ],
    [
      'graduated',
      { ...studied, status: 'graduated', certificateCode: 'c0de' },
      { action: 'graduated', certificateCode: 'c0de' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(nextStep(facts)).toEqual(expected);
  });
});
