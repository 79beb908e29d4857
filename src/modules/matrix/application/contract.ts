/**
 * The matrix module's use cases as other modules (the demo seed) call them. Every command takes
 * the acting user (`actor`: `{ id, role }`); managing needs moderator, admin or owner
 * (`matrix.forbidden` otherwise). Unknown ids → `matrix.*_not_found`.
 */

export type MatrixRole = 'student' | 'moderator' | 'admin' | 'owner';
/** Who acts; null = a guest (reads of published items only). */
export type MatrixActor = Readonly<{ id: string; role: MatrixRole }>;

export type MatrixItemStatus = 'draft' | 'published';
export type MatrixResource = Readonly<{ title: string; url: string }>;

/** `createSheet`: a new sheet at the end of the list. slug `^[a-z0-9]+(-[a-z0-9]+)*$` ≤ 80, title 1..200. */
export type CreateSheetInput = Readonly<{
  actor: MatrixActor;
  slug: string;
  title: string;
  description?: string | undefined;
}>;

/** `addGrade`: a grade appended to the sheet's ordered list (slug unique per sheet, title 1..100). */
export type AddGradeInput = Readonly<{
  actor: MatrixActor;
  sheetId: string;
  slug: string;
  title: string;
}>;

/** `addSection`: a section appended to the sheet. */
export type AddSectionInput = Readonly<{ actor: MatrixActor; sheetId: string; title: string }>;

/** `addSubsection`: a subsection appended to the section. */
export type AddSubsectionInput = Readonly<{ actor: MatrixActor; sectionId: string; title: string }>;

/**
 * `addItem`: an item appended to the subsection. `answer` is Markdown (rendered and sanitized at
 * save); resources have http(s) URLs; `gradeId` is a grade of the same sheet; `moduleId` a
 * catalog module or null. Status defaults to `published`.
 */
export type AddItemInput = Readonly<{
  actor: MatrixActor;
  subsectionId: string;
  gradeId: string;
  question: string;
  answer: string;
  resources?: readonly MatrixResource[] | undefined;
  status?: MatrixItemStatus | undefined;
  moduleId?: string | null | undefined;
}>;

/**
 * `importSheetCsv`: CSV text (header `section,subsection,grade,question,answer,resources,status,module`,
 * see docs/matrix-csv.md) appended to the sheet. All-or-nothing: when any line is rejected, nothing
 * is written. `dryRun` only checks.
 */
export type ImportSheetCsvInput = Readonly<{
  actor: MatrixActor;
  sheetId: string;
  csv: string;
  dryRun?: boolean | undefined;
}>;

export type CsvLineRejection = Readonly<{
  line: number;
  code: string;
  params?: Readonly<Record<string, string | number>>;
}>;

export type ImportSheetCsvResult = Readonly<{
  /** True when the items were written (not a dry run and no line rejected). */
  imported: boolean;
  /** Items accepted (written, or that would be written on a dry run). */
  accepted: number;
  rejected: readonly CsvLineRejection[];
  sectionsCreated: number;
  subsectionsCreated: number;
}>;

/** `exportSheetCsv`: the whole sheet (drafts included) as CSV text with the export header. */
export type ExportSheetCsvInput = Readonly<{ actor: MatrixActor; sheetId: string }>;
export type ExportSheetCsvResult = Readonly<{ fileName: string; csv: string }>;
