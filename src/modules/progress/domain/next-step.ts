/**
 * What the student should do now, from where the journey stands (the dashboard's "next action").
 * The shapes match the contract's `NextAction`.
 */
type AttemptKind = 'diagnostic' | 'minitest' | 'level_exam' | 'rank_final';

export type AttemptFact = Readonly<{
  id: string;
  kind: AttemptKind;
  status: 'in_progress' | 'passed' | 'failed' | 'annulled';
  finishedAt: Date | null;
}>;

export type JourneyFacts = Readonly<{
  status: 'diagnostic' | 'learning' | 'final' | 'graduated';
  diagnostic: AttemptFact | null;
  /** The active or pending stage. */
  openStage: Readonly<{ position: number; status: 'active' | 'pending_approval' }> | null;
  /** Articles of the open stage in assignment order. */
  assignments: readonly Readonly<{ articleId: string; done: boolean }>[];
  /** Level exams of the open stage, or rank finals once in the final; newest first. */
  exams: readonly AttemptFact[];
  /** The exam's cooldown after a failed attempt, in minutes. */
  cooldownMinutes: number;
  certificateCode: string | null;
  now: Date;
}>;

export type NextStep =
  | Readonly<{ action: 'take_diagnostic' }>
  | Readonly<{ action: 'continue_attempt'; attemptId: string; kind: AttemptKind }>
  | Readonly<{ action: 'study'; articleId: string }>
  | Readonly<{ action: 'take_level_exam'; stagePosition: number }>
  | Readonly<{ action: 'wait_cooldown'; stagePosition: number | null; retryAt: Date }>
  | Readonly<{ action: 'wait_for_approval'; stagePosition: number | null }>
  | Readonly<{ action: 'take_rank_final' }>
  | Readonly<{ action: 'graduated'; certificateCode: string }>;

const MINUTE = 60_000;

/** When the newest finished exam failed and its cooldown has not run out: the moment it does. */
export function cooldownUntil(exams: readonly AttemptFact[], cooldownMinutes: number, now: Date): Date | null {
  const latest = exams.find((attempt) => attempt.status !== 'in_progress');
  if (latest?.status !== 'failed' || !latest.finishedAt || cooldownMinutes <= 0) return null;
  const until = new Date(latest.finishedAt.getTime() + cooldownMinutes * MINUTE);
  return until > now ? until : null;
}

export function nextStep(facts: JourneyFacts): NextStep {
  const inProgress = facts.exams.find((attempt) => attempt.status === 'in_progress');
  const exam = (stagePosition: number | null, take: NextStep): NextStep => {
    if (inProgress) return { action: 'continue_attempt', attemptId: inProgress.id, kind: inProgress.kind };
    const retryAt = cooldownUntil(facts.exams, facts.cooldownMinutes, facts.now);
    return retryAt ? { action: 'wait_cooldown', stagePosition, retryAt } : take;
  };
  switch (facts.status) {
    case 'graduated':
      return { action: 'graduated', certificateCode: facts.certificateCode ?? '' };
    case 'diagnostic':
      return facts.diagnostic?.status === 'in_progress'
        ? { action: 'continue_attempt', attemptId: facts.diagnostic.id, kind: 'diagnostic' }
        : { action: 'take_diagnostic' };
    case 'final':
      // A passed rank final that is not annulled waits for its graduation decision.
      if (facts.exams.some((attempt) => attempt.status === 'passed'))
        return { action: 'wait_for_approval', stagePosition: null };
      return exam(null, { action: 'take_rank_final' });
    case 'learning': {
      const stage = facts.openStage;
      if (!stage) return { action: 'wait_for_approval', stagePosition: null };
      if (stage.status === 'pending_approval') return { action: 'wait_for_approval', stagePosition: stage.position };
      if (!inProgress) {
        const unread = facts.assignments.find((assignment) => !assignment.done);
        if (unread) return { action: 'study', articleId: unread.articleId };
      }
      return exam(stage.position, { action: 'take_level_exam', stagePosition: stage.position });
    }
  }
}
