import type { FieldIssue } from '../../../shared/domain/errors.ts';
import type { QuestionKind } from './grading.ts';

/** The longest annulment reason (the column's CHECK). */
export const ANNUL_REASON_MAX = 2000;

type Kind = 'diagnostic' | 'minitest' | 'level_exam' | 'rank_final';

/** Timed kinds get a deadline: the limit, extended by the enrollment's accommodation. */
export function deadlineOf(startedAt: Date, timeLimitMinutes: number, extraTimePercent: number): Date {
  const ms = timeLimitMinutes * 60_000 * (1 + extraTimePercent / 100);
  return new Date(startedAt.getTime() + Math.round(ms));
}

/** An answer counts only strictly before the deadline. */
export function isPastDeadline(deadlineAt: Date | null, now: Date): boolean {
  return deadlineAt !== null && now.getTime() >= deadlineAt.getTime();
}

/** An attempt finished by the expiry job (or late) ends at its deadline, never after it. */
export function finishTime(startedAt: Date, deadlineAt: Date | null, now: Date): Date {
  const end = deadlineAt !== null && now.getTime() > deadlineAt.getTime() ? deadlineAt : now;
  return end.getTime() < startedAt.getTime() ? startedAt : end;
}

/** When the latest failed attempt finished (annulled ones have their own status and do not count). */
export function lastFailureAt(attempts: readonly Readonly<{ status: string; finishedAt: Date | null }>[]): Date | null {
  let latest: Date | null = null;
  for (const attempt of attempts) {
    if (attempt.status !== 'failed' || attempt.finishedAt === null) continue;
    if (latest === null || attempt.finishedAt > latest) latest = attempt.finishedAt;
  }
  return latest;
}

/** Seconds until a new attempt is allowed after a failed one; 0 when it is allowed now. */
export function cooldownSecondsLeft(lastFailedAt: Date | null, cooldownMinutes: number, now: Date): number {
  if (lastFailedAt === null || cooldownMinutes <= 0) return 0;
  const until = lastFailedAt.getTime() + cooldownMinutes * 60_000;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Diagnostic and mini-test reviews always show the answers; exams only when the settings say so. */
export function revealsCorrectAnswers(kind: Kind, examReveal: boolean): boolean {
  return kind === 'diagnostic' || kind === 'minitest' || examReveal;
}

/** Indexes within the options, no repeats, at most one for a single-answer question; [] clears. */
export function selectionIssues(kind: QuestionKind, optionCount: number, selected: readonly number[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  selected.forEach((index, position) => {
    if (!Number.isInteger(index) || index < 0 || index >= optionCount) {
      issues.push({ path: `/selected/${position}`, code: 'out_of_range', params: { max: optionCount - 1 } });
    } else if (seen.has(index)) {
      issues.push({ path: `/selected/${position}`, code: 'duplicate', params: { value: index } });
    }
    seen.add(index);
  });
  if (kind === 'single' && selected.length > 1) issues.push({ path: '/selected', code: 'single_takes_one' });
  return issues;
}

/** The reason, trimmed; issues when it is empty or too long. */
export function checkedAnnulReason(reason: string): { reason: string; issues: FieldIssue[] } {
  const trimmed = reason.trim();
  if (trimmed === '') return { reason: trimmed, issues: [{ path: '/reason', code: 'required' }] };
  // Counted in code points, as PostgreSQL's char_length does.
  if ([...trimmed].length > ANNUL_REASON_MAX) {
    return { reason: trimmed, issues: [{ path: '/reason', code: 'too_long', params: { max: ANNUL_REASON_MAX } }] };
  }
  return { reason: trimmed, issues: [] };
}
