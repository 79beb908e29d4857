import type { Rejection } from '../domain/formats/parsed-question.ts';
import type { PreparedQuestion } from '../domain/import-mapping.ts';
import type { ImportedQuestion, ImportReport, ImportInput } from './contract.ts';
import type { IdGenerator, NewQuestion } from './ports.ts';
import type { TrackOutline } from './track-directory.ts';

/** The rows an import would insert; ids ascend in file order, so same-instant questions list in the file's order. */
export function importRows(
  accepted: readonly PreparedQuestion[],
  input: ImportInput,
  newId: IdGenerator,
): NewQuestion[] {
  const ids = accepted.map(() => newId()).sort();
  return accepted.map(({ draft }, n) => ({
    ...draft,
    id: ids[n]!,
    replacesId: null,
    createdBy: input.actor.id,
    now: input.now,
  }));
}

/**
 * What an import did: the questions (with their module and stage) when they were stored or in a
 * dry run, how many were (or would be) stored, and every rejection.
 */
export function importReport(outcome: {
  track: TrackOutline;
  accepted: readonly PreparedQuestion[];
  rows: readonly NewQuestion[];
  rejected: readonly Rejection[];
  dryRun: boolean;
  stored: boolean;
  wouldStore: boolean;
}): ImportReport {
  const { track, rows, stored } = outcome;
  const modules = new Map(track.modules.map((module) => [module.id, { id: module.id, title: module.title }]));
  const stages = new Map(track.stages.map((stage) => [stage.id, stage]));
  const questions = outcome.accepted.map(({ line }, n): ImportedQuestion => {
    const { id, kind, name, text, options, correct, moduleId, stageId } = rows[n]!;
    const stage = stageId === null ? null : (stages.get(stageId) ?? null);
    return { line, id: stored ? id : null, kind, name, text, options, correct, module: modules.get(moduleId)!, stage };
  });
  return {
    dryRun: outcome.dryRun,
    stored,
    imported: outcome.wouldStore ? questions.length : 0,
    questions: stored || outcome.dryRun ? questions : [],
    rejected: outcome.rejected,
  };
}
