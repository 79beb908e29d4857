import { SCALE_MODULES_PER_TRACK, SCALE_TRACK_SLUGS } from './manifest.ts';
import { SCALE_EPOCH } from './journey-plan.ts';
import { at, type SeedSession } from './session.ts';
import { EN_WORDS } from './words.ts';

const SHEETS = SCALE_TRACK_SLUGS.length;
const GRADES = ['Junior', 'Middle', 'Senior', 'Lead'];
const SECTIONS = 5;
const SUBSECTIONS_PER_SECTION = 4;
const SUBSECTIONS = SECTIONS * SUBSECTIONS_PER_SECTION;

/**
 * A competency matrix per track: 4 grades, 5 sections of 4 subsections, and `matrixItems` items
 * spread evenly (item x: sheet x % 3, subsection (x / 3) % 20, grade and position from x / 60).
 */
export async function insertMatrix(session: SeedSession): Promise<void> {
  const { sqlId } = session;
  const created = at(SCALE_EPOCH - 5 * 86_400);
  await session.query(
    `INSERT INTO matrix_sheets (id, slug, title, description, position, created_at, updated_at)
     SELECT ${sqlId('sheet', 's')}, 'scale-matrix-' || (s + 1), 'Competency matrix ' || (s + 1),
            'What an engineer of each grade knows.', s + 1, $1, $1
     FROM generate_series(0, ${SHEETS - 1}) AS s`,
    [created],
  );
  await session.query(
    `INSERT INTO matrix_grades (id, sheet_id, slug, title, position)
     SELECT ${sqlId('grade', 's', 'g')}, ${sqlId('sheet', 's')}, lower(($1::text[])[g]), ($1::text[])[g], g
     FROM generate_series(0, ${SHEETS - 1}) AS s, generate_series(1, ${GRADES.length}) AS g`,
    [GRADES],
  );
  await session.query(
    `INSERT INTO matrix_sections (id, sheet_id, title, position)
     SELECT ${sqlId('section', 's', 'c')}, ${sqlId('sheet', 's')}, 'Section ' || c, c
     FROM generate_series(0, ${SHEETS - 1}) AS s, generate_series(1, ${SECTIONS}) AS c`,
  );
  await session.query(
    `INSERT INTO matrix_subsections (id, sheet_id, section_id, title, position)
     SELECT ${sqlId('subsection', 's', 'u')}, ${sqlId('sheet', 's')}, ${sqlId('section', 's', `u / ${SUBSECTIONS_PER_SECTION} + 1`)},
            'Subsection ' || (u + 1), u % ${SUBSECTIONS_PER_SECTION} + 1
     FROM generate_series(0, ${SHEETS - 1}) AS s, generate_series(0, ${SUBSECTIONS - 1}) AS u`,
  );
  const word = (salt: number) => `($3::text[])[1 + (x * ${salt} + x / 7) % cardinality($3::text[])]`;
  await session.query(
    `INSERT INTO matrix_items (id, sheet_id, subsection_id, grade_id, question, answer, answer_html, module_id,
                               position, created_at, updated_at)
     SELECT ${sqlId('item', 'x')}, ${sqlId('sheet', `x % ${SHEETS}`)},
            ${sqlId('subsection', `x % ${SHEETS}`, `(x / ${SHEETS}) % ${SUBSECTIONS}`)},
            ${sqlId('grade', `x % ${SHEETS}`, `(x / ${SHEETS * SUBSECTIONS}) % ${GRADES.length} + 1`)},
            format('How does the %s work with the %s?', ${word(7)}, ${word(11)}),
            answer, '<p>' || answer || '</p>',
            ${sqlId('module', `x % ${SHEETS}`, `x % ${SCALE_MODULES_PER_TRACK} + 1`)},
            x / ${SHEETS * SUBSECTIONS} + 1, $2, $2
     FROM generate_series(0, $1::int - 1) AS x,
          LATERAL (SELECT format('The %s keeps the %s close to the %s.', ${word(13)}, ${word(17)}, ${word(19)}) AS answer) AS l`,
    [session.sizes.matrixItems, created, EN_WORDS],
  );
}
