import { DEFAULT_SETTINGS, type SettingsParams } from '../../modules/catalog/index.ts';
import { BANK_STRIDE, TIERS } from './layout.ts';
import { SCALE_MODULES_PER_TRACK, SCALE_STAFF, SCALE_STAGES_PER_TRACK, SCALE_TRACK_SLUGS } from './manifest.ts';
import { SCALE_EPOCH } from './journey-plan.ts';
import { at, type SeedSession } from './session.ts';
import { EN_WORDS } from './words.ts';

const DAY = 86_400;
const TRACK_TITLES = ['Backend engineering', 'Frontend engineering', 'Data engineering'];
const MODULE_TOPICS = [
  'Foundations',
  'Storage',
  'Networking',
  'Testing',
  'Security',
  'Performance',
  'Tooling',
  'Design',
];

/**
 * The settings every scaled track runs on: the defaults, with a level exam of 10 questions
 * (one per module plus two for the weak ones), one diagnostic question per module and no
 * remedial articles (every assignment is a stage's core article).
 */
export const SCALE_SETTINGS: SettingsParams = {
  ...DEFAULT_SETTINGS,
  diagnostic: { questionsPerModule: 1 },
  content: { ...DEFAULT_SETTINGS.content, extraArticlesPerWeakModule: 0 },
  levelExam: { ...DEFAULT_SETTINGS.levelExam, questionCount: 10, minPerModule: 1, maxPerModule: 3, cooldownMinutes: 0 },
};

/** The owner, an admin and a moderator. */
export async function insertStaff(session: SeedSession): Promise<void> {
  const staff = Object.entries(SCALE_STAFF);
  const created = at(SCALE_EPOCH - 30 * DAY);
  await session.query(
    `INSERT INTO users (id, email, password_hash, display_name, locale, role, status, email_verified_at,
                        password_changed_at, created_at, updated_at)
     SELECT ${session.sqlId('staff', 'r.role')}, r.email, $3, initcap(r.role) || ' (scale)', 'en', r.role, 'active',
            $4, $4, $4, $4
     FROM unnest($1::text[], $2::text[]) AS r(role, email)`,
    [staff.map(([role]) => role), staff.map(([, email]) => email), session.passwordHash, created],
  );
}

export async function insertTracks(session: SeedSession): Promise<void> {
  const { sqlId } = session;
  const created = at(SCALE_EPOCH - 20 * DAY);
  const published = at(SCALE_EPOCH - 10 * DAY);
  await session.query(
    `INSERT INTO tracks (id, slug, title, description, status, created_at, updated_at)
     SELECT ${sqlId('track', 'r.t - 1')}, r.slug, r.title, 'A track of the scaled benchmark database.', 'draft', $3, $3
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(slug, title, t)`,
    [SCALE_TRACK_SLUGS, TRACK_TITLES, created],
  );
  await session.query(
    `INSERT INTO stages (id, track_id, position, title, description, created_at, updated_at)
     SELECT ${sqlId('stage', 't', 'p')}, ${sqlId('track', 't')}, p, 'Stage ' || p, 'Level ' || p || ' of the track.', $1, $1
     FROM generate_series(0, $2::int - 1) AS t, generate_series(1, $3::int) AS p`,
    [created, SCALE_TRACK_SLUGS.length, SCALE_STAGES_PER_TRACK],
  );
  await session.query(
    `INSERT INTO modules (id, track_id, slug, title, description, position, created_at, updated_at)
     SELECT ${sqlId('module', 't', 'm')}, ${sqlId('track', 't')}, lower(($4::text[])[m]), ($4::text[])[m],
            'Module ' || m || ' of the track.', m, $1, $1
     FROM generate_series(0, $2::int - 1) AS t, generate_series(1, $3::int) AS m`,
    [created, SCALE_TRACK_SLUGS.length, SCALE_MODULES_PER_TRACK, MODULE_TOPICS],
  );
  await session.query(
    `INSERT INTO settings_versions (track_id, version, params, note, created_by, created_at)
     SELECT ${sqlId('track', 't')}, 1, $1::jsonb, 'Scale: the benchmark settings', ${sqlId('staff', "'admin'")}, $2
     FROM generate_series(0, $3::int - 1) AS t`,
    [JSON.stringify(SCALE_SETTINGS), created, SCALE_TRACK_SLUGS.length],
  );
  await session.query(
    `UPDATE tracks SET status = 'published', current_settings_version = 1, published_at = $1, updated_at = $1
     WHERE slug = ANY($2::text[])`,
    [published, SCALE_TRACK_SLUGS],
  );
}

/**
 * The exam bank: question q is in track q % 3, module (q / 3) % 8 + 1 and stage tier (q / 24) % 5
 * (`layout.ts`), so every (track, module, tier) pool holds the same share. One in five is a
 * multiple-choice question with two correct options.
 */
export async function insertBankQuestions(session: SeedSession, from: number, to: number): Promise<void> {
  const { sqlId } = session;
  const tracks = SCALE_TRACK_SLUGS.length;
  const perTrackModules = tracks * SCALE_MODULES_PER_TRACK;
  const word = (salt: number) => `w[1 + ((q * ${salt} + q / ${BANK_STRIDE}) % cardinality(w))]`;
  await session.query(
    `INSERT INTO questions (id, track_id, module_id, stage_id, kind, text, options, correct, explanation,
                           created_by, created_at, updated_at)
     SELECT ${sqlId('question', 'q')}, ${sqlId('track', `q % ${tracks}`)},
            ${sqlId('module', `q % ${tracks}`, `(q / ${tracks}) % ${SCALE_MODULES_PER_TRACK} + 1`)},
            CASE WHEN tier = 0 THEN NULL ELSE ${sqlId('stage', `q % ${tracks}`, 'tier')} END,
            CASE WHEN q % 5 = 0 THEN 'multiple' ELSE 'single' END,
            format('Question %s: which statement about the %s and the %s of a %s is true?', q, ${word(7)}, ${word(11)}, ${word(13)}),
            ARRAY[format('A) the %s keeps the %s', ${word(17)}, ${word(19)}),
                  format('B) the %s replaces the %s', ${word(23)}, ${word(29)}),
                  format('C) every %s needs a %s', ${word(31)}, ${word(37)}),
                  format('D) no %s without a %s', ${word(41)}, ${word(43)})],
            CASE WHEN q % 5 = 0 THEN ARRAY[(q / 7) % 2, (q / 7) % 2 + 2] ELSE ARRAY[(q / 7) % 4] END::smallint[],
            format('The %s explains it: see the %s.', ${word(47)}, ${word(53)}),
            ${sqlId('staff', "'admin'")}, $1::timestamptz + q * interval '1 second', $1::timestamptz + q * interval '1 second'
     FROM generate_series($2::int, $3::int - 1) AS q,
          LATERAL (SELECT (q / ${perTrackModules}) % ${TIERS} AS tier, $4::text[] AS w) AS l`,
    [at(SCALE_EPOCH - 15 * DAY), from, to, EN_WORDS],
  );
}
