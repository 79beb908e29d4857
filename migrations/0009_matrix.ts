import { type Kysely, sql } from 'kysely';

// The competency matrix: sheet → sections → subsections; grades per sheet; items in a subsection
// with a grade of the same sheet. Every child carries its sheet id so composite foreign keys
// keep a subsection's section, an item's subsection and its grade in one sheet.
// Positions are unique per parent and deferrable: a move swaps them in one transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE matrix_sheets (
      id uuid PRIMARY KEY,
      slug text NOT NULL CONSTRAINT matrix_sheets_slug_key UNIQUE
        CONSTRAINT matrix_sheets_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
      title text NOT NULL CONSTRAINT matrix_sheets_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CONSTRAINT matrix_sheets_description_length CHECK (char_length(description) <= 5000),
      position integer NOT NULL CONSTRAINT matrix_sheets_position_positive CHECK (position >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT matrix_sheets_position_key UNIQUE (position) DEFERRABLE INITIALLY IMMEDIATE
    )
  `.execute(db);

  await sql`
    CREATE TABLE matrix_grades (
      id uuid PRIMARY KEY,
      sheet_id uuid NOT NULL REFERENCES matrix_sheets (id) ON DELETE CASCADE,
      slug text NOT NULL
        CONSTRAINT matrix_grades_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
      title text NOT NULL CONSTRAINT matrix_grades_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 100),
      position integer NOT NULL CONSTRAINT matrix_grades_position_positive CHECK (position >= 1),
      CONSTRAINT matrix_grades_sheet_slug_key UNIQUE (sheet_id, slug),
      CONSTRAINT matrix_grades_sheet_position_key UNIQUE (sheet_id, position) DEFERRABLE INITIALLY IMMEDIATE,
      CONSTRAINT matrix_grades_sheet_id_key UNIQUE (sheet_id, id)
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX matrix_grades_sheet_title_key ON matrix_grades (sheet_id, lower(title))`.execute(db);

  await sql`
    CREATE TABLE matrix_sections (
      id uuid PRIMARY KEY,
      sheet_id uuid NOT NULL REFERENCES matrix_sheets (id) ON DELETE CASCADE,
      title text NOT NULL CONSTRAINT matrix_sections_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      position integer NOT NULL CONSTRAINT matrix_sections_position_positive CHECK (position >= 1),
      CONSTRAINT matrix_sections_sheet_position_key UNIQUE (sheet_id, position) DEFERRABLE INITIALLY IMMEDIATE,
      CONSTRAINT matrix_sections_sheet_id_key UNIQUE (sheet_id, id)
    )
  `.execute(db);

  await sql`
    CREATE TABLE matrix_subsections (
      id uuid PRIMARY KEY,
      sheet_id uuid NOT NULL,
      section_id uuid NOT NULL,
      title text NOT NULL CONSTRAINT matrix_subsections_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      position integer NOT NULL CONSTRAINT matrix_subsections_position_positive CHECK (position >= 1),
      CONSTRAINT matrix_subsections_section_fkey FOREIGN KEY (sheet_id, section_id)
        REFERENCES matrix_sections (sheet_id, id) ON DELETE CASCADE,
      CONSTRAINT matrix_subsections_section_position_key UNIQUE (section_id, position) DEFERRABLE INITIALLY IMMEDIATE,
      CONSTRAINT matrix_subsections_sheet_id_key UNIQUE (sheet_id, id)
    )
  `.execute(db);
  await sql`CREATE INDEX matrix_subsections_sheet_section_idx ON matrix_subsections (sheet_id, section_id)`.execute(db);

  await sql`
    CREATE TABLE matrix_items (
      id uuid PRIMARY KEY,
      sheet_id uuid NOT NULL,
      subsection_id uuid NOT NULL,
      grade_id uuid NOT NULL,
      question text NOT NULL CONSTRAINT matrix_items_question_length CHECK (char_length(btrim(question)) BETWEEN 1 AND 1000),
      answer text NOT NULL DEFAULT '' CONSTRAINT matrix_items_answer_length CHECK (char_length(answer) <= 50000),
      answer_html text NOT NULL DEFAULT '',
      resources jsonb NOT NULL DEFAULT '[]'::jsonb
        CONSTRAINT matrix_items_resources_array CHECK (jsonb_typeof(resources) = 'array' AND jsonb_array_length(resources) <= 50),
      status text NOT NULL DEFAULT 'published' CONSTRAINT matrix_items_status CHECK (status IN ('draft', 'published')),
      module_id uuid REFERENCES modules (id) ON DELETE SET NULL,
      position integer NOT NULL CONSTRAINT matrix_items_position_positive CHECK (position >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT matrix_items_subsection_fkey FOREIGN KEY (sheet_id, subsection_id)
        REFERENCES matrix_subsections (sheet_id, id) ON DELETE CASCADE,
      -- A grade with items cannot go (the use case answers 409 with the count first).
      CONSTRAINT matrix_items_grade_fkey FOREIGN KEY (sheet_id, grade_id)
        REFERENCES matrix_grades (sheet_id, id) ON DELETE RESTRICT,
      CONSTRAINT matrix_items_subsection_position_key UNIQUE (subsection_id, position) DEFERRABLE INITIALLY IMMEDIATE
    )
  `.execute(db);
  // The public filter: published items of a sheet, by grade.
  await sql`CREATE INDEX matrix_items_sheet_status_grade_idx ON matrix_items (sheet_id, status, grade_id)`.execute(db);
  await sql`CREATE INDEX matrix_items_grade_idx ON matrix_items (grade_id)`.execute(db);
  await sql`CREATE INDEX matrix_items_module_idx ON matrix_items (module_id) WHERE module_id IS NOT NULL`.execute(db);
  // Text search: substring (ILIKE) over question + answer through pg_trgm (installed by 0006).
  await sql`
    CREATE INDEX matrix_items_search_trgm_idx ON matrix_items
    USING gin ((question || ' ' || answer) gin_trgm_ops)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE matrix_items`.execute(db);
  await sql`DROP TABLE matrix_subsections`.execute(db);
  await sql`DROP TABLE matrix_sections`.execute(db);
  await sql`DROP TABLE matrix_grades`.execute(db);
  await sql`DROP TABLE matrix_sheets`.execute(db);
}
