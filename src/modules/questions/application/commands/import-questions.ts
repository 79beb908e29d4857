import { assertCanManageQuestions } from '../../domain/access.ts';
import { InvalidImportError, QuestionTrackNotFoundError } from '../../domain/errors.ts';
import { PARSERS } from '../../domain/formats/index.ts';
import { type ImportTarget, importTargetIssues, prepareImport } from '../../domain/import-mapping.ts';
import type { ImportInput, ImportReport } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';
import { importReport, importRows } from '../import-report.ts';
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
    const wouldStore = accepted.length > 0 && (rejected.length === 0 || input.partial);
    const stored = wouldStore && !input.dryRun;
    const rows = importRows(accepted, input, deps.newId);
    if (stored) {
      const rejectedLines = new Set(rejected.map((rejection) => rejection.line)).size;
      await storeAll(deps, { ...input, trackId: track.id }, rows, rejectedLines);
    }
    return importReport({ track, accepted, rows, rejected, dryRun: input.dryRun, stored, wouldStore });
  };
}

/** One transaction, inserts in chunks (progress after each), then the audit event. */
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
      details: {
        format: input.format,
        fileName: auditedFileName(input.fileName),
        imported: rows.length,
        rejected: rejectedLines,
      },
    });
  });
}

/**
 * The file name as the audit keeps it: without control and format characters (U+0000 cannot be
 * stored at all, others forge how the name reads), at most 255 characters.
 */
function auditedFileName(fileName: string | undefined): string | null {
  const clean = fileName
    ?.replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 255);
  return clean ? clean : null;
}
