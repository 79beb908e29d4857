import type { AttemptReport, AttemptResult, FinishedAttempt, ModuleResult } from './contract.ts';
import type { AttemptRecord } from './ports.ts';

/** The attempt as other modules report it (dossier, progress page). */
export function attemptReport(record: AttemptRecord, perModule: readonly ModuleResult[]): AttemptReport {
  return {
    id: record.id,
    kind: record.kind,
    number: record.number,
    status: record.status,
    stageId: record.stageId,
    articleId: record.articleId,
    settingsVersion: record.settingsVersion,
    startedAt: record.startedAt,
    deadlineAt: record.deadlineAt,
    finishedAt: record.finishedAt,
    score: record.score,
    correct: record.correctCount,
    total: record.questionCount,
    passPercent: record.passPercent,
    perModule: record.status === 'in_progress' ? [] : perModule,
    annulReason: record.annulReason,
  };
}

/** The stored result of a finished attempt: the same for every caller. Undefined while in progress. */
export function attemptResult(
  record: AttemptRecord,
  perModule: readonly ModuleResult[],
  moduleTitles: ReadonlyMap<string, string>,
): AttemptResult | undefined {
  if (record.status === 'in_progress' || record.finishedAt === null) return undefined;
  return {
    attemptId: record.id,
    kind: record.kind,
    status: record.status,
    passed: record.status === 'passed',
    score: record.score ?? 0,
    correct: record.correctCount ?? 0,
    total: record.questionCount,
    passPercent: record.passPercent,
    perModule: perModule.map((module) => ({ ...module, moduleTitle: moduleTitles.get(module.moduleId) ?? '' })),
    finishedAt: record.finishedAt,
  };
}

/** What progress learns in the finishing transaction. */
export function finishedAttempt(record: AttemptRecord, perModule: readonly ModuleResult[]): FinishedAttempt {
  if (record.status !== 'passed' && record.status !== 'failed') throw new Error(`attempt ${record.id} is not graded`);
  if (record.finishedAt === null || record.score === null) throw new Error(`attempt ${record.id} has no result`);
  return {
    attemptId: record.id,
    userId: record.userId,
    trackId: record.trackId,
    kind: record.kind,
    stageId: record.stageId,
    articleId: record.articleId,
    settingsVersion: record.settingsVersion,
    status: record.status,
    score: record.score,
    perModule,
    finishedAt: record.finishedAt,
  };
}
