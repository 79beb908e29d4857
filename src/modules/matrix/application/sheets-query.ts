import { MatrixNotFoundError } from '../domain/errors.ts';
import type { GradeRow, MatrixDeps, SectionRow, SheetRow, SubsectionRow } from './ports.ts';

export type SheetTree = SheetRow &
  Readonly<{
    grades: GradeRow[];
    sections: (SectionRow & Readonly<{ subsections: SubsectionRow[] }>)[];
  }>;

export function makeSheetQueries(deps: MatrixDeps) {
  async function tree(sheet: SheetRow, tx: Parameters<Parameters<MatrixDeps['uow']['run']>[0]>[0]): Promise<SheetTree> {
    const [grades, sections, subsections] = await Promise.all([
      tx.grades(sheet.id),
      tx.sections(sheet.id),
      tx.subsections(sheet.id),
    ]);
    return {
      ...sheet,
      grades,
      sections: sections.map((section) => ({
        ...section,
        subsections: subsections.filter((subsection) => subsection.sectionId === section.id),
      })),
    };
  }
  return {
    /** Every sheet with its structure, in position order (public: the structure is not secret). */
    async listSheets(): Promise<SheetTree[]> {
      return deps.uow.run(async (tx) => {
        const sheets = await tx.sheets();
        const trees: SheetTree[] = [];
        for (const sheet of sheets) trees.push(await tree(sheet, tx));
        return trees;
      });
    },
    async getSheet(input: { sheetId: string }): Promise<SheetTree> {
      return deps.uow.run(async (tx) => {
        const sheet = await tx.sheet(input.sheetId);
        if (!sheet) throw new MatrixNotFoundError('sheet', input.sheetId);
        return tree(sheet, tx);
      });
    },
    async moduleOptions() {
      return deps.catalog.modules();
    },
  };
}
