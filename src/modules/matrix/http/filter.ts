import type { SheetTree } from '../application/sheets-query.ts';

export type RawFilter = {
  sheet?: string | undefined;
  section?: string | undefined;
  subsection?: string | undefined;
  grade?: string | undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sheet and grade by id or slug; a value that names nothing matches nothing (`none`), a section
 * or subsection must be one of the sheet's when a sheet is chosen.
 */
export function resolveFilter(sheets: readonly SheetTree[], raw: RawFilter) {
  let none = false;
  const sheet = raw.sheet ? sheets.find((s) => s.id === raw.sheet || s.slug === raw.sheet) : undefined;
  if (raw.sheet && !sheet) none = true;
  let gradeId: string | undefined;
  if (raw.grade) {
    const candidates = sheet ? sheet.grades : sheets.flatMap((s) => s.grades);
    const grade = candidates.find((g) => g.id === raw.grade || (sheet !== undefined && g.slug === raw.grade));
    if (grade) gradeId = grade.id;
    else none = true;
  }
  const section = raw.section && UUID.test(raw.section) ? raw.section.toLowerCase() : undefined;
  if (raw.section && !section) none = true;
  const subsection = raw.subsection && UUID.test(raw.subsection) ? raw.subsection.toLowerCase() : undefined;
  if (raw.subsection && !subsection) none = true;
  if (sheet && section && !sheet.sections.some((s) => s.id === section)) none = true;
  return { sheet, sheetId: sheet?.id, sectionId: section, subsectionId: subsection, gradeId, none };
}
