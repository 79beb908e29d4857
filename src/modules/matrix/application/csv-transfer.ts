import { MatrixNotFoundError } from '../domain/errors.ts';
import { MATRIX_CSV_HEADER, parseCsvRows, writeCsv } from '../domain/csv.ts';
import {
  assertCanManageMatrix,
  formatResourceLines,
  type MatrixItemStatus,
  type MatrixResource,
  parseResourceLines,
} from '../domain/rules.ts';
import type {
  CsvLineRejection,
  ExportSheetCsvInput,
  ExportSheetCsvResult,
  ImportSheetCsvInput,
  ImportSheetCsvResult,
} from './contract.ts';
import { MAX_ANSWER, MAX_QUESTION } from './items.ts';
import type { MatrixDeps } from './ports.ts';

export const MAX_IMPORT_ROWS = 2000;

type PlannedRow = {
  section: string;
  subsection: string;
  gradeId: string;
  question: string;
  answer: string;
  resources: MatrixResource[];
  status: MatrixItemStatus;
  moduleId: string | null;
};

export function makeCsvTransfer(deps: MatrixDeps) {
  return {
    async importSheetCsv(input: ImportSheetCsvInput): Promise<ImportSheetCsvResult> {
      assertCanManageMatrix(input.actor);
      const modules = await deps.catalog.modules();
      const moduleByPath = new Map(modules.map((m) => [`${m.trackSlug}/${m.slug}`.toLowerCase(), m.id]));
      return deps.uow.run(async (tx) => {
        const sheet = await tx.sheet(input.sheetId);
        if (!sheet) throw new MatrixNotFoundError('sheet', input.sheetId);
        await tx.lockSheet(sheet.id);
        const empty = { imported: false, accepted: 0, sectionsCreated: 0, subsectionsCreated: 0 };
        const parsed = parseCsvRows(input.csv);
        if (!parsed.ok) return { ...empty, rejected: [{ line: parsed.line, code: parsed.code }] };
        const [headerRow, ...rows] = parsed.rows;
        if (!headerRow) return { ...empty, rejected: [{ line: 1, code: 'csv_empty' }] };
        const header = headerRow.cells.map((cell) => cell.trim().toLowerCase());
        const column = new Map(header.map((name, index) => [name, index]));
        const missing = ['section', 'subsection', 'grade', 'question'].filter((name) => !column.has(name));
        if (missing.length > 0) {
          return {
            ...empty,
            rejected: [{ line: headerRow.line, code: 'csv_missing_columns', params: { columns: missing.join(', ') } }],
          };
        }
        if (rows.length > MAX_IMPORT_ROWS) {
          return {
            ...empty,
            rejected: [{ line: headerRow.line, code: 'csv_too_many_rows', params: { max: MAX_IMPORT_ROWS } }],
          };
        }
        const grades = await tx.grades(sheet.id);
        const cell = (cells: string[], name: string) => {
          const index = column.get(name);
          return index === undefined ? '' : (cells[index] ?? '');
        };
        const rejected: CsvLineRejection[] = [];
        const planned: PlannedRow[] = [];
        for (const row of rows) {
          const reject = (code: string, params?: Record<string, string | number>) =>
            rejected.push(params ? { line: row.line, code, params } : { line: row.line, code });
          const section = cell(row.cells, 'section').trim();
          const subsection = cell(row.cells, 'subsection').trim();
          const gradeName = cell(row.cells, 'grade').trim();
          const question = cell(row.cells, 'question').trim();
          const answer = cell(row.cells, 'answer').replace(/\r\n?/g, '\n');
          const statusText = cell(row.cells, 'status').trim().toLowerCase();
          const moduleText = cell(row.cells, 'module').trim();
          if (section === '' || section.length > 200) {
            reject('csv_bad_section');
            continue;
          }
          if (subsection === '' || subsection.length > 200) {
            reject('csv_bad_subsection');
            continue;
          }
          const grade = grades.find(
            (g) =>
              g.slug.toLowerCase() === gradeName.toLowerCase() || g.title.toLowerCase() === gradeName.toLowerCase(),
          );
          if (!grade) {
            reject('csv_unknown_grade', { grade: gradeName });
            continue;
          }
          if (question === '' || question.length > MAX_QUESTION) {
            reject('csv_bad_question');
            continue;
          }
          if (answer.length > MAX_ANSWER) {
            reject('csv_bad_answer');
            continue;
          }
          const { resources, badLines } = parseResourceLines(cell(row.cells, 'resources'));
          if (badLines.length > 0 || resources.some((r) => r.title.length > 200)) {
            reject('csv_bad_resource', { lines: badLines.join(', ') });
            continue;
          }
          if (statusText !== '' && statusText !== 'draft' && statusText !== 'published') {
            reject('csv_bad_status', { status: statusText });
            continue;
          }
          let moduleId: string | null = null;
          if (moduleText !== '') {
            const found = moduleByPath.get(moduleText.toLowerCase());
            if (!found) {
              reject('csv_unknown_module', { module: moduleText });
              continue;
            }
            moduleId = found;
          }
          planned.push({
            section,
            subsection,
            gradeId: grade.id,
            question,
            answer,
            resources,
            status: statusText === 'draft' ? 'draft' : 'published',
            moduleId,
          });
        }
        const sections = await tx.sections(sheet.id);
        const subsections = await tx.subsections(sheet.id);
        const newSections = new Set(
          planned
            .map((p) => p.section)
            .filter((title) => !sections.some((s) => s.title.toLowerCase() === title.toLowerCase())),
        );
        const result = {
          accepted: planned.length,
          rejected,
          sectionsCreated: new Set([...newSections].map((t) => t.toLowerCase())).size,
          subsectionsCreated: 0,
        };
        if (rejected.length > 0 || input.dryRun === true || planned.length === 0) {
          const subKeys = new Set<string>();
          for (const p of planned) {
            const section = sections.find((s) => s.title.toLowerCase() === p.section.toLowerCase());
            const exists =
              section &&
              subsections.some(
                (s) => s.sectionId === section.id && s.title.toLowerCase() === p.subsection.toLowerCase(),
              );
            if (!exists) subKeys.add(`${p.section.toLowerCase()}\u0000${p.subsection.toLowerCase()}`);
          }
          return { ...result, imported: false, subsectionsCreated: subKeys.size };
        }
        let sectionsCreated = 0;
        let subsectionsCreated = 0;
        const now = deps.now();
        for (const p of planned) {
          let section = sections.find((s) => s.title.toLowerCase() === p.section.toLowerCase());
          if (!section) {
            section = { id: deps.newId(), sheetId: sheet.id, title: p.section, position: sections.length + 1 };
            await tx.insertSection(section);
            sections.push(section);
            sectionsCreated += 1;
          }
          const sectionId = section.id;
          let subsection = subsections.find(
            (s) => s.sectionId === sectionId && s.title.toLowerCase() === p.subsection.toLowerCase(),
          );
          if (!subsection) {
            const position = subsections.filter((s) => s.sectionId === sectionId).length + 1;
            subsection = { id: deps.newId(), sheetId: sheet.id, sectionId, title: p.subsection, position };
            await tx.insertSubsection(subsection);
            subsections.push(subsection);
            subsectionsCreated += 1;
          }
          const position = (await tx.siblings('item', subsection.id)).length + 1;
          await tx.insertItem(
            {
              id: deps.newId(),
              sheetId: sheet.id,
              subsectionId: subsection.id,
              gradeId: p.gradeId,
              question: p.question,
              answer: p.answer,
              answerHtml: deps.renderMarkdown(p.answer),
              resources: p.resources,
              status: p.status,
              moduleId: p.moduleId,
              position,
            },
            now,
          );
        }
        return { ...result, imported: true, sectionsCreated, subsectionsCreated };
      });
    },

    async exportSheetCsv(input: ExportSheetCsvInput): Promise<ExportSheetCsvResult> {
      assertCanManageMatrix(input.actor);
      const sheet = await deps.uow.run((tx) => tx.sheet(input.sheetId));
      if (!sheet) throw new MatrixNotFoundError('sheet', input.sheetId);
      const items = await deps.reads.sheetItems(sheet.id);
      const rows = items.map((item) => [
        item.sectionTitle,
        item.subsectionTitle,
        item.gradeSlug,
        item.question,
        item.answer,
        formatResourceLines(item.resources),
        item.status,
        item.module ? `${item.module.trackSlug}/${item.module.slug}` : '',
      ]);
      return { fileName: `matrix-${sheet.slug}.csv`, csv: writeCsv([[...MATRIX_CSV_HEADER], ...rows]) };
    },
  };
}
