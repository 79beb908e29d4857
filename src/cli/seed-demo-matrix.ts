import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MatrixActor, MatrixUseCases } from '../modules/matrix/index.ts';

/** One sheet of `data/demo/matrix.json`: its grades in order and the CSV file with its items. */
export type DemoSheet = Readonly<{
  slug: string;
  title: string;
  description: string;
  grades: readonly Readonly<{ slug: string; title: string }>[];
  csv: string;
}>;

export type MatrixSeedDeps = Readonly<{ matrix: MatrixUseCases; actor: MatrixActor; say: (line: string) => void }>;

export function readDemoSheets(directory: string): DemoSheet[] {
  return JSON.parse(readFileSync(path.join(directory, 'matrix.json'), 'utf8')) as DemoSheet[];
}

/**
 * Creates each demo sheet with its grades and imports its items. A sheet whose slug exists is
 * left as it is. The import is all-or-nothing: a rejected line stops the seed with its reason.
 */
export async function seedDemoMatrix(deps: MatrixSeedDeps, sheets: readonly DemoSheet[], directory: string) {
  const existing = new Set((await deps.matrix.listSheets()).map((sheet) => sheet.slug));
  for (const demo of sheets) {
    if (existing.has(demo.slug)) {
      deps.say(`matrix ${demo.slug}: already there, left as it is`);
      continue;
    }
    const sheet = await deps.matrix.createSheet({
      actor: deps.actor,
      slug: demo.slug,
      title: demo.title,
      description: demo.description,
    });
    for (const grade of demo.grades) {
      await deps.matrix.addGrade({ actor: deps.actor, sheetId: sheet.id, slug: grade.slug, title: grade.title });
    }
    const csv = readFileSync(path.join(directory, demo.csv), 'utf8');
    const result = await deps.matrix.importSheetCsv({ actor: deps.actor, sheetId: sheet.id, csv });
    if (!result.imported) {
      const reasons = result.rejected.map((line) => `line ${line.line}: ${line.code}`).join('; ');
      throw new Error(`matrix ${demo.slug}: ${demo.csv} was not imported (${reasons})`);
    }
    deps.say(`matrix ${demo.slug}: ${result.accepted} items in ${demo.grades.length} grades`);
  }
}
