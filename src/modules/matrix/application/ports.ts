import type { UnitOfWork } from '../../../shared/application/unit-of-work.ts';
import type { MatrixItemStatus, MatrixResource } from '../domain/rules.ts';

export type SheetRow = Readonly<{ id: string; slug: string; title: string; description: string; position: number }>;
export type GradeRow = Readonly<{ id: string; sheetId: string; slug: string; title: string; position: number }>;
export type SectionRow = Readonly<{ id: string; sheetId: string; title: string; position: number }>;
export type SubsectionRow = Readonly<{
  id: string;
  sheetId: string;
  sectionId: string;
  title: string;
  position: number;
}>;
export type ItemRow = Readonly<{
  id: string;
  sheetId: string;
  subsectionId: string;
  gradeId: string;
  question: string;
  answer: string;
  answerHtml: string;
  resources: MatrixResource[];
  status: MatrixItemStatus;
  moduleId: string | null;
  position: number;
}>;

/** The parents whose children are ordered: sheets (no parent), grades and sections (a sheet), subsections (a section), items (a subsection). */
export type OrderedKind = 'sheet' | 'grade' | 'section' | 'subsection' | 'item';

export type ItemFilter = Readonly<{
  sheetId?: string | undefined;
  sectionId?: string | undefined;
  subsectionId?: string | undefined;
  gradeId?: string | undefined;
  q?: string | undefined;
  /** Undefined = any status. */
  status?: MatrixItemStatus | undefined;
  limit: number;
  offset: number;
}>;

export type ItemView = ItemRow &
  Readonly<{
    sheetSlug: string;
    sheetTitle: string;
    sectionId: string;
    sectionTitle: string;
    subsectionTitle: string;
    gradeSlug: string;
    gradeTitle: string;
    gradePosition: number;
    sectionPosition: number;
    subsectionPosition: number;
    module: Readonly<{ id: string; slug: string; title: string; trackSlug: string; trackTitle: string }> | null;
  }>;

export type MatrixStore = {
  sheets(): Promise<SheetRow[]>;
  sheet(id: string): Promise<SheetRow | undefined>;
  sheetBySlug(slug: string): Promise<SheetRow | undefined>;
  grades(sheetId: string): Promise<GradeRow[]>;
  grade(id: string): Promise<GradeRow | undefined>;
  sections(sheetId: string): Promise<SectionRow[]>;
  section(id: string): Promise<SectionRow | undefined>;
  subsections(sheetId: string): Promise<SubsectionRow[]>;
  subsection(id: string): Promise<SubsectionRow | undefined>;
  item(id: string): Promise<ItemRow | undefined>;

  insertSheet(row: SheetRow, now: Date): Promise<void>;
  updateSheet(id: string, fields: Partial<Pick<SheetRow, 'slug' | 'title' | 'description'>>, now: Date): Promise<void>;
  insertGrade(row: GradeRow): Promise<void>;
  updateGrade(id: string, fields: Partial<Pick<GradeRow, 'slug' | 'title'>>): Promise<void>;
  insertSection(row: SectionRow): Promise<void>;
  updateSection(id: string, fields: Partial<Pick<SectionRow, 'title'>>): Promise<void>;
  insertSubsection(row: SubsectionRow): Promise<void>;
  updateSubsection(id: string, fields: Partial<Pick<SubsectionRow, 'title'>>): Promise<void>;
  insertItem(row: ItemRow, now: Date): Promise<void>;
  updateItem(id: string, fields: Partial<Omit<ItemRow, 'id' | 'sheetId'>>, now: Date): Promise<void>;
  /** Deletes the row (its children cascade), then closes the gap in its siblings' positions. */
  remove(kind: OrderedKind, id: string): Promise<void>;
  /** Sibling ids in position order (parentId ignored for sheets). */
  siblings(kind: OrderedKind, parentId: string): Promise<string[]>;
  /** Rewrites positions 1..n in the given order, in one statement with deferred uniqueness. */
  setOrder(kind: OrderedKind, ids: readonly string[]): Promise<void>;
  countItems(where: Readonly<{ gradeId?: string; sectionId?: string; subsectionId?: string }>): Promise<number>;
  /** Serializes structure changes of a sheet (a row lock on it). */
  lockSheet(id: string): Promise<void>;
  slugTaken(slug: string, exceptId?: string): Promise<boolean>;
  gradeTaken(sheetId: string, slug: string, title: string, exceptId?: string): Promise<boolean>;
  /** A catalog module by id (for the link). */
  moduleExists(id: string): Promise<boolean>;
};

export type MatrixReads = {
  items(filter: ItemFilter): Promise<{ items: ItemView[]; total: number }>;
  itemView(id: string): Promise<ItemView | undefined>;
  /** Every item of a sheet in structure order (export, admin page). */
  sheetItems(sheetId: string): Promise<ItemView[]>;
};

export type MatrixUnitOfWork = UnitOfWork<MatrixStore>;

/** The catalog as the matrix sees it: modules addressable as `<track-slug>/<module-slug>`. */
export type ModuleCatalog = {
  /** Every track with its modules (for pickers and CSV). */
  modules(): Promise<
    readonly Readonly<{ id: string; trackSlug: string; trackTitle: string; slug: string; title: string }>[]
  >;
};

export type MatrixDeps = Readonly<{
  uow: MatrixUnitOfWork;
  reads: MatrixReads;
  catalog: ModuleCatalog;
  newId: () => string;
  now: () => Date;
  renderMarkdown: (source: string) => string;
}>;
