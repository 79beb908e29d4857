import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkedAnnulReason,
  cooldownSecondsLeft,
  deadlineOf,
  finishTime,
  isPastDeadline,
  lastFailureAt,
  revealsCorrectAnswers,
  selectionIssues,
} from './attempt-rules.ts';

const MINUTE = 60_000;
const start = new Date('2026-01-01T10:00:00Z');

describe('timing', () => {
  it('extends the time limit by the extra time share', () => {
    expect(deadlineOf(start, 30, 0).getTime() - start.getTime()).toBe(30 * MINUTE);
    expect(deadlineOf(start, 30, 50).getTime() - start.getTime()).toBe(45 * MINUTE);
    expect(deadlineOf(start, 30, 200).getTime() - start.getTime()).toBe(90 * MINUTE);
  });

  it('refuses answers from the deadline on, never before it', () => {
    const deadline = new Date(start.getTime() + MINUTE);
    expect(isPastDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(true);
    expect(isPastDeadline(null, new Date(8.64e15))).toBe(false);
  });

  it('ends a late attempt at its deadline, and never before its start', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * MINUTE, max: 10 * MINUTE }), fc.boolean(), (offset, timed) => {
        const deadline = timed ? new Date(start.getTime() + MINUTE) : null;
        const now = new Date(start.getTime() + MINUTE + offset);
        const end = finishTime(start, deadline, now).getTime();
        expect(end).toBeGreaterThanOrEqual(start.getTime());
        expect(end).toBeLessThanOrEqual(Math.max(start.getTime(), now.getTime()));
        if (deadline) expect(end).toBeLessThanOrEqual(deadline.getTime());
      }),
    );
  });

  it('starts the cooldown from the latest failed attempt, whatever the order', () => {
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    expect(lastFailureAt([])).toBeNull();
    expect(
      lastFailureAt([
        { status: 'failed', finishedAt: at(5) },
        { status: 'annulled', finishedAt: at(30) },
        { status: 'failed', finishedAt: at(20) },
        { status: 'in_progress', finishedAt: null },
        { status: 'passed', finishedAt: at(40) },
      ]),
    ).toEqual(at(20));
  });

  it('counts the cooldown down in whole seconds, rounding up', () => {
    const failed = new Date(start.getTime());
    expect(cooldownSecondsLeft(null, 60, start)).toBe(0);
    expect(cooldownSecondsLeft(failed, 0, start)).toBe(0);
    expect(cooldownSecondsLeft(failed, 60, new Date(start.getTime() + 10 * MINUTE))).toBe(3000);
    expect(cooldownSecondsLeft(failed, 60, new Date(start.getTime() + 60 * MINUTE - 1))).toBe(1);
    expect(cooldownSecondsLeft(failed, 60, new Date(start.getTime() + 60 * MINUTE))).toBe(0);
  });
});

describe('answers', () => {
  it('accepts exactly the distinct in-range selections (one at most for single)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('single' as const, 'multiple' as const),
        fc.integer({ min: 2, max: 10 }),
        fc.array(fc.integer({ min: -2, max: 12 }), { maxLength: 12 }),
        (kind, options, selected) => {
          const valid =
            selected.every((index) => index >= 0 && index < options) &&
            new Set(selected).size === selected.length &&
            (kind === 'multiple' || selected.length <= 1);
          expect(selectionIssues(kind, options, selected).length === 0).toBe(valid);
        },
      ),
    );
  });

  it('names the failing entry', () => {
    expect(selectionIssues('multiple', 3, [0, 3, 0])).toEqual([
      { path: '/selected/1', code: 'out_of_range', params: { max: 2 } },
      { path: '/selected/2', code: 'duplicate', params: { value: 0 } },
    ]);
    expect(selectionIssues('single', 3, [0, 1])).toEqual([{ path: '/selected', code: 'single_takes_one' }]);
    expect(selectionIssues('single', 3, [])).toEqual([]);
  });
});

describe('review and annulment', () => {
  it('reveals diagnostics and mini-tests always, exams by their settings', () => {
    expect(revealsCorrectAnswers('diagnostic', false)).toBe(true);
    expect(revealsCorrectAnswers('minitest', false)).toBe(true);
    expect(revealsCorrectAnswers('level_exam', false)).toBe(false);
    expect(revealsCorrectAnswers('rank_final', true)).toBe(true);
  });

  it('needs a trimmed reason of 1 to 2000 characters (code points)', () => {
    expect(checkedAnnulReason('  why  ')).toEqual({ reason: 'why', issues: [] });
    expect(checkedAnnulReason(' \n ').issues).toEqual([{ path: '/reason', code: 'required' }]);
    expect(checkedAnnulReason('😀'.repeat(2000)).issues).toEqual([]);
    expect(checkedAnnulReason('x'.repeat(2001)).issues).toEqual([
      { path: '/reason', code: 'too_long', params: { max: 2000 } },
    ]);
  });
});
