/** The matrix module's tables as Kysely sees them (camelCase). */
import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export type MatrixTables = {
  matrixSheets: {
    id: string;
    slug: string;
    title: string;
    description: string;
    position: number;
    createdAt: Date;
    updatedAt: Date;
  };
  matrixGrades: { id: string; sheetId: string; slug: string; title: string; position: number };
  matrixSections: { id: string; sheetId: string; title: string; position: number };
  matrixSubsections: { id: string; sheetId: string; sectionId: string; title: string; position: number };
  matrixItems: {
    id: string;
    sheetId: string;
    subsectionId: string;
    gradeId: string;
    question: string;
    answer: string;
    answerHtml: string;
    resources: Json<{ title: string; url: string }[]>;
    status: 'draft' | 'published';
    moduleId: string | null;
    position: number;
    createdAt: Date;
    updatedAt: Date;
  };
};
