import { CORE_ARTICLES, MINITEST_QUESTIONS } from './layout.ts';
import {
  SCALE_CORE_ARTICLES_PER_STAGE,
  SCALE_MINITEST_ARTICLES_PER_STAGE,
  SCALE_MODULES_PER_TRACK,
  SCALE_STAGES_PER_TRACK,
  SCALE_TRACK_SLUGS,
} from './manifest.ts';
import { SCALE_EPOCH } from './journey-plan.ts';
import { at, type SeedSession } from './session.ts';
import { EN_WORDS, RU_WORDS } from './words.ts';

const TRACKS = SCALE_TRACK_SLUGS.length;
const PER_STAGE_ROW = TRACKS * SCALE_STAGES_PER_TRACK;

/**
 * Article a (`layout.ts`): below CORE_ARTICLES a stage's core article (track a % 3, stage
 * (a / 3) % 4 + 1, position a / 12 + 1); below `studyArticles` a module's remedial article; the
 * rest are blog posts, half Russian, half English, one in fifty a draft. Study articles of the
 * second track are Russian like its students.
 */
function articleFacts(): string {
  const r = `(a - ${CORE_ARTICLES})`;
  return `
    SELECT kind, t, stage, pos, m, locale, CASE WHEN locale = 'ru' THEN $ru::text[] ELSE $en::text[] END AS w,
           kind = 'core' AND pos <= ${SCALE_MINITEST_ARTICLES_PER_STAGE} OR kind = 'module' AND ${r} % 4 = 0 AS minitest
    FROM (
      SELECT kind, t, stage, pos,
             CASE kind WHEN 'core' THEN ((stage - 1) * ${SCALE_CORE_ARTICLES_PER_STAGE} + pos - 1) % ${SCALE_MODULES_PER_TRACK} + 1
                       WHEN 'module' THEN (${r} / ${TRACKS}) % ${SCALE_MODULES_PER_TRACK} + 1 END AS m,
             CASE WHEN kind = 'blog' THEN CASE WHEN a % 2 = 0 THEN 'ru' ELSE 'en' END
                  WHEN t = 1 THEN 'ru' ELSE 'en' END AS locale
      FROM (
        SELECT CASE WHEN a < ${CORE_ARTICLES} THEN 'core' WHEN a < $study THEN 'module' ELSE 'blog' END AS kind,
               CASE WHEN a < ${CORE_ARTICLES} THEN a % ${TRACKS} WHEN a < $study THEN ${r} % ${TRACKS} END AS t,
               CASE WHEN a < ${CORE_ARTICLES} THEN (a / ${TRACKS}) % ${SCALE_STAGES_PER_TRACK} + 1 END AS stage,
               CASE WHEN a < ${CORE_ARTICLES} THEN a / ${PER_STAGE_ROW} + 1
                    WHEN a < $study THEN ${r} / ${TRACKS * SCALE_MODULES_PER_TRACK} + 1 END AS pos
      ) AS k
    ) AS f`;
}

/** Numbered placeholders for the named ones above ($study, $ru, $en) after the statement's own. */
function bind(text: string, first: number): string {
  return text
    .replaceAll('$study', `$${first}::int`)
    .replaceAll('$ru', `$${first + 1}`)
    .replaceAll('$en', `$${first + 2}`);
}

const words = (count: number, salt: string) =>
  `(SELECT string_agg(w[1 + ((a * 31 + ${salt} * 97 + s * 13) % cardinality(w))], ' ' ORDER BY s) FROM generate_series(1, ${count}) AS s)`;

export async function insertArticles(session: SeedSession, from: number, to: number): Promise<void> {
  const { sqlId } = session;
  const admin = sqlId('staff', "'admin'");
  const moderator = sqlId('staff', "'moderator'");
  await session.query(
    bind(
      `INSERT INTO articles (id, slug, title, summary, body, html, toc, locale, tags, visibility, status, published_at,
                             author_id, track_id, module_id, stage_id, position, view_count, created_at, updated_at)
       SELECT ${sqlId('article', 'a')}, 'scale-' || f.kind || '-' || a,
              initcap(w[1 + (a * 7) % cardinality(w)]) || ' ' || w[1 + (a * 11 + 3) % cardinality(w)] || ' ' || w[1 + (a * 17 + 5) % cardinality(w)] || ' ' || a,
              p.summary, '## ' || p.heading || E'\\n\\n' || p.one || E'\\n\\n' || p.two || E'\\n\\n' || p.three,
              '<h2 id="section-1">' || p.heading || E'</h2>\\n<p>' || p.one || E'</p>\\n<p>' || p.two || E'</p>\\n<p>' || p.three || '</p>',
              jsonb_build_array(jsonb_build_object('level', 2, 'id', 'section-1', 'text', p.heading)),
              f.locale, ARRAY[w[1 + (a * 3) % cardinality(w)], w[1 + (a * 3 + 1 + a % 7) % cardinality(w)]],
              CASE WHEN f.kind = 'blog' THEN 'public' ELSE 'students' END,
              CASE WHEN f.kind = 'blog' AND a % 50 = 0 THEN 'draft' ELSE 'published' END,
              CASE WHEN f.kind = 'blog' AND a % 50 = 0 THEN NULL ELSE created END,
              CASE WHEN a % 3 = 0 THEN ${moderator} ELSE ${admin} END,
              CASE WHEN f.t IS NOT NULL THEN ${sqlId('track', 'f.t')} END,
              CASE WHEN f.t IS NOT NULL THEN ${sqlId('module', 'f.t', 'f.m')} END,
              CASE WHEN f.kind = 'core' THEN ${sqlId('stage', 'f.t', 'f.stage')} END,
              f.pos, (a * 13) % 1000, created, created
       FROM generate_series($1::int, $2::int - 1) AS a,
            LATERAL (${articleFacts()}) AS f,
            LATERAL (SELECT $3::timestamptz + a * interval '30 minutes' AS created) AS c,
            LATERAL (SELECT ${words(4, '0')} AS heading, ${words(24, '1')} AS summary, ${words(40, '2')} AS one,
                            ${words(40, '3')} AS two, ${words(40, '4')} AS three) AS p`,
      4,
    ),
    [from, to, at(SCALE_EPOCH - 400 * 86_400), session.sizes.studyArticles, RU_WORDS, EN_WORDS],
  );
  await insertMinitestQuestions(session, from, to);
}

/** Three questions for every mini-test article: numbered after the bank (`minitestQuestion`). */
async function insertMinitestQuestions(session: SeedSession, from: number, to: number): Promise<void> {
  const { sqlId } = session;
  const q = `($3::int + a * ${MINITEST_QUESTIONS} + k)`;
  await session.query(
    bind(
      `INSERT INTO questions (id, track_id, module_id, article_id, kind, text, options, correct, explanation,
                             created_by, created_at, updated_at)
       SELECT ${sqlId('question', q)}, ${sqlId('track', 'f.t')}, ${sqlId('module', 'f.t', 'f.m')}, ${sqlId('article', 'a')},
              'single', format('Mini-test %s.%s: what does the article say about the %s?', a, k + 1, w[1 + (a * 5 + k) % cardinality(w)]),
              ARRAY['A) ' || w[1 + (a + k) % cardinality(w)], 'B) ' || w[1 + (a + k + 1) % cardinality(w)],
                    'C) ' || w[1 + (a + k + 2) % cardinality(w)]],
              ARRAY[(a + k) % 3]::smallint[], 'Read the article again.', ${sqlId('staff', "'admin'")},
              $4::timestamptz + a * interval '30 minutes', $4::timestamptz + a * interval '30 minutes'
       FROM generate_series($1::int, $2::int - 1) AS a,
            LATERAL (${articleFacts()}) AS f,
            generate_series(0, ${MINITEST_QUESTIONS - 1}) AS k
       WHERE f.minitest`,
      5,
    ),
    [
      from,
      to,
      session.sizes.questions,
      at(SCALE_EPOCH - 400 * 86_400),
      session.sizes.studyArticles,
      RU_WORDS,
      EN_WORDS,
    ],
  );
}
