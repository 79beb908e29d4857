import { assertCanManageQuestions } from '../../domain/access.ts';
import { InvalidImportError, QuestionTrackNotFoundError } from '../../domain/errors.ts';
import { PARSERS } from '../../domain/formats/index.ts';
import { type ImportTarget, importTargetIssues, prepareImport } from '../../domain/import-mapping.ts';
import type { ImportedQuestion, ImportInput, ImportReport } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';
import type { NewQuestion } from '../ports.ts';

/**
 * Parses a GIFT, Aiken or CSV file, maps each question to the track's modules and stages, checks
 * it, and stores all of them in one transaction — nothing when a line is rejected, unless
 * `partial`; nothing at all in a dry run. Audited as `questions.imported`.
 */
export function makeImportQuestions(deps: Pick<QuestionsDeps, 'uow' | 'tracks' | 'newId' | 'importChunkSize'>) {
  return async function importQuestions(input: ImportInput): Promise<ImportReport> {
    assertCanManageQuestions(input.actor);
    const track = await deps.tracks.outline(input.trackId);
    if (!track) throw new QuestionTrackNotFoundError(input.trackId);
    const target: ImportTarget = { track, moduleId: input.moduleId, stageId: input.stageId };
    const issues = importTargetIssues(target);
    if (issues.length > 0) throw new InvalidImportError(issues);

    const { accepted, rejected } = prepareImport(PARSERS[input.format](input.content), target);
    const store = !input.dryRun && accepted.length > 0 && (rejected.length === 0 || input.partial);
    // Ascending ids in file order: questions made in the same instant list in the file's order.
    const ids = accepted.map(() => deps.newId()).sort();
    const rows: NewQuestion[] = accepted.map(({ draft }, n) => ({
      ...draft,
      id: ids[n]!,
      replacesId: null,
      createdBy: input.actor.id,
      now: input.now,
    }));
    if (store) await storeAll(deps, { ...input, trackId: track.id }, rows, new Set(rejected.map((rejection) => rejection.line)).size);

    const modules = new Map(track.modules.map((module) => [module.id, { id: module.id, title: module.title }]));
    const stages = new Map(track.stages.map((stage) => [stage.id, stage]));
    const questions = accepted.map(({ line }, n): ImportedQuestion => {
      const row = rows[n]!;
      const module = modules.get(row.moduleId)!;
      const stage = row.stageId === null ? null : (stages.get(row.stageId) ?? null);
      const { kind, name, text, options, correct } = row;
      return { line, id: store ? row.id : null, kind, name, text, options, correct, module, stage };
    });
    const wouldStore = accepted.length > 0 && (rejected.length === 0 || input.partial);
    return {
      dryRun: input.dryRun,
      stored: store,
      imported: wouldStore ? questions.length : 0,
      questions: store || input.dryRun ? questions : [],
      rejected,
    };
  };
}

async function storeAll(
  deps: Pick<QuestionsDeps, 'uow' | 'importChunkSize'>,
  input: ImportInput,
  rows: readonly NewQuestion[],
  rejectedLines: number,
): Promise<void> {
  await deps.uow.run(async (tx) => {
    for (let done = 0; done < rows.length; done += deps.importChunkSize) {
      const chunk = rows.slice(done, done + deps.importChunkSize);
      await tx.questions.insertMany(chunk);
      input.onProgress?.(done + chunk.length, rows.length);
    }
    await tx.audit.record({
      at: input.now,
      actorId: input.actor.id,
      action: 'questions.imported',
      subjectId: input.trackId,
      origin: input.origin,
      details: { format: input.format, fileName: input.fileName ?? null, imported: rows.length, rejected: rejectedLines },
    });
  });
}
