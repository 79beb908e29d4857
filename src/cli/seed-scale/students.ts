import { planStudent, SCALE_EPOCH, type PlannedAttempt, type StudentPlan } from './journey-plan.ts';
import { mix, poolSize } from './layout.ts';
import { SCALE_EMAIL_DOMAIN, SCALE_STAGES_PER_TRACK, SCALE_TRACK_SLUGS } from './manifest.ts';
import type { SeedSession } from './session.ts';
import { EN_NAMES, EN_SURNAMES, RU_NAMES, RU_SURNAMES } from './words.ts';

const TRACKS = SCALE_TRACK_SLUGS.length;
const ts = (column: string) => `to_timestamp(${column})`;

/**
 * Students `from`..`to` (1-based, inclusive) with their whole journey, inserted in the order
 * the schema's triggers accept: stages in position order, each attempt open while its answers
 * go in, then finished.
 */
export async function insertStudents(session: SeedSession, from: number, to: number): Promise<void> {
  const plans: StudentPlan[] = [];
  for (let i = from; i <= to; i += 1) {
    plans.push(planStudent(i, session.seed, session.sizes.questions, poolSize(session.sizes.questions)));
  }
  await insertUsers(session, from, to);
  await insertEnrollments(session, plans);
  for (let position = 1; position <= SCALE_STAGES_PER_TRACK; position += 1) {
    await insertStages(session, plans, position);
  }
  const rounds = Math.max(0, ...plans.flatMap((plan) => plan.attempts.map((attempt) => attempt.number)));
  for (let number = 1; number <= rounds; number += 1) {
    const round = plans.flatMap((plan) =>
      plan.attempts.filter((attempt) => attempt.number === number).map((attempt) => ({ plan, attempt })),
    );
    await insertAttempts(session, round);
  }
  await insertRequests(session, plans);
  await insertCertificates(session, plans);
  await insertMastery(session, plans);
}

/** Student i signs in as scaleStudentEmail(i); the second track's students use Russian. */
async function insertUsers(session: SeedSession, from: number, to: number): Promise<void> {
  const name = (names: string, surnames: string) =>
    `(${names})[1 + i % cardinality(${names})] || ' ' || (${surnames})[1 + (i / 7) % cardinality(${surnames})]`;
  await session.query(
    `INSERT INTO users (id, email, password_hash, display_name, locale, role, status, email_verified_at,
                        password_changed_at, created_at, updated_at)
     SELECT ${session.sqlId('user', 'i')}, 'student' || lpad(i::text, 6, '0') || '@${SCALE_EMAIL_DOMAIN}', $3,
            CASE WHEN ru THEN ${name('$6::text[]', '$7::text[]')} ELSE ${name('$4::text[]', '$5::text[]')} END,
            CASE WHEN ru THEN 'ru' ELSE 'en' END, 'student', 'active', created, created, created, created
     FROM generate_series($1::int, $2::int) AS i,
          LATERAL (SELECT i % ${TRACKS} = 1 AS ru, to_timestamp($8::float8 + i * 60 - 86400) AS created) AS l`,
    [from, to, session.passwordHash, EN_NAMES, EN_SURNAMES, RU_NAMES, RU_SURNAMES, SCALE_EPOCH],
  );
}

async function insertEnrollments(session: SeedSession, plans: readonly StudentPlan[]): Promise<void> {
  const { sqlId } = session;
  await session.query(
    `INSERT INTO enrollments (id, user_id, track_id, status, enrolled_at, graduated_at, updated_at)
     SELECT ${sqlId('enrollment', 'r.i')}, ${sqlId('user', 'r.i')}, ${sqlId('track', `r.i % ${TRACKS}`)}, r.status,
            ${ts('r.enrolled')}, ${ts('r.graduated')}, ${ts('r.updated')}
     FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::float8[])
          AS r(i, status, enrolled, graduated, updated)`,
    [
      plans.map((p) => p.student),
      plans.map((p) => p.enrollmentStatus),
      plans.map((p) => p.enrolledAt),
      plans.map((p) => p.graduatedAt),
      plans.map((p) => p.updatedAt),
    ],
  );
}

/** One position at a time: the order trigger wants every earlier stage completed first. */
async function insertStages(session: SeedSession, plans: readonly StudentPlan[], position: number): Promise<void> {
  const { sqlId } = session;
  const rows = plans.flatMap((plan) =>
    plan.stages.filter((stage) => stage.position === position).map((stage) => ({ plan, stage })),
  );
  if (rows.length === 0) return;
  await session.query(
    `INSERT INTO stage_progress (user_id, stage_id, enrollment_id, track_id, settings_version, status, started_at,
                                 completed_at, updated_at)
     SELECT ${sqlId('user', 'r.i')}, ${sqlId('stage', `r.i % ${TRACKS}`, '$1::int')}, ${sqlId('enrollment', 'r.i')},
            ${sqlId('track', `r.i % ${TRACKS}`)}, 1, r.status, ${ts('r.started')}, ${ts('r.completed')},
            ${ts('coalesce(r.completed, r.started)')}
     FROM unnest($2::int[], $3::text[], $4::float8[], $5::float8[]) AS r(i, status, started, completed)`,
    [
      position,
      rows.map((row) => row.plan.student),
      rows.map((row) => row.stage.status),
      rows.map((row) => row.stage.startedAt),
      rows.map((row) => row.stage.completedAt),
    ],
  );
  const assignments = rows.flatMap(({ plan, stage }) =>
    stage.assignments.map((assignment) => ({ i: plan.student, started: stage.startedAt, ...assignment })),
  );
  await session.query(
    `INSERT INTO article_assignments (user_id, stage_id, article_id, track_id, reason, position, assigned_at,
                                      opened_at, done_at)
     SELECT ${sqlId('user', 'r.i')}, ${sqlId('stage', `r.i % ${TRACKS}`, '$1::int')}, ${sqlId('article', 'r.article')},
            ${sqlId('track', `r.i % ${TRACKS}`)}, 'core', r.position, ${ts('r.assigned')}, ${ts('r.opened')},
            ${ts('r.done')}
     FROM unnest($2::int[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[])
          AS r(i, article, position, assigned, opened, done)`,
    [
      position,
      assignments.map((a) => a.i),
      assignments.map((a) => a.article),
      assignments.map((a) => a.position),
      assignments.map((a) => a.started),
      assignments.map((a) => a.openedAt),
      assignments.map((a) => a.doneAt),
    ],
  );
}

type RoundAttempt = { plan: StudentPlan; attempt: PlannedAttempt };

/**
 * Attempts with the same number never share a scope, so a round can be open at once: insert
 * them in progress, their questions, the answers (the trigger accepts answers only then), and
 * finish them with the score their right answers give, graded by the app's own rule.
 */
async function insertAttempts(session: SeedSession, round: readonly RoundAttempt[]): Promise<void> {
  if (round.length === 0) return;
  const { sqlId } = session;
  const ids = round.map(({ plan, attempt }) => session.id('attempt', plan.student, attempt.ordinal));
  await session.query(
    `INSERT INTO attempts (id, user_id, track_id, kind, stage_id, article_id, settings_version, number, seed,
                           started_at, deadline_at, question_count, pass_percent)
     SELECT r.id, ${sqlId('user', 'r.i')}, ${sqlId('track', `r.i % ${TRACKS}`)}, r.kind,
            CASE WHEN r.stage IS NOT NULL THEN ${sqlId('stage', `r.i % ${TRACKS}`, 'r.stage')} END,
            CASE WHEN r.article IS NOT NULL THEN ${sqlId('article', 'r.article')} END,
            1, r.number, r.seed, ${ts('r.started')}, ${ts('r.started')} + r.minutes * interval '1 minute',
            r.questions, r.pass_percent
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::bigint[], $8::float8[],
                 $9::int[], $10::int[], $11::int[])
          AS r(id, i, kind, stage, article, number, seed, started, minutes, questions, pass_percent)`,
    [
      ids,
      round.map(({ plan }) => plan.student),
      round.map(({ attempt }) => attempt.kind),
      round.map(({ attempt }) => attempt.stage),
      round.map(({ attempt }) => attempt.article),
      round.map(({ attempt }) => attempt.number),
      round.map(({ plan, attempt }) => mix(session.seed, plan.student, attempt.ordinal, 1)),
      round.map(({ attempt }) => attempt.startedAt),
      round.map(({ attempt }) => attempt.deadlineMinutes),
      round.map(({ attempt }) => attempt.questions.length),
      round.map(({ attempt }) => attempt.passPercent),
    ],
  );
  const questionRows = round.flatMap(({ plan, attempt }, index) =>
    attempt.questions.map((question, position) => ({ index, track: plan.track, position: position + 1, ...question })),
  );
  await session.query(
    `INSERT INTO attempt_questions (attempt_id, question_id, position, module_id, correct)
     SELECT ($1::uuid[])[r.attempt + 1], ${sqlId('question', 'r.question')}, r.position,
            ${sqlId('module', 'r.track', 'r.module')}, r.correct
     FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::bool[])
          AS r(attempt, question, position, track, module, correct)`,
    [
      ids,
      questionRows.map((row) => row.index),
      questionRows.map((row) => row.question),
      questionRows.map((row) => row.position),
      questionRows.map((row) => row.track),
      questionRows.map((row) => row.module),
      questionRows.map((row) => row.correct),
    ],
  );
  // A wrong answer picks another option (single) or only one of the two right ones (multiple);
  // every seventh wrong question is left unanswered, which also counts as wrong.
  await session.query(
    `INSERT INTO attempt_answers (attempt_id, question_id, selected, answered_at)
     SELECT aq.attempt_id, aq.question_id,
            CASE WHEN aq.correct THEN q.correct
                 WHEN q.kind = 'single' THEN ARRAY[(q.correct[1] + 1) % cardinality(q.options)]::smallint[]
                 ELSE q.correct[1:1] END,
            a.started_at + aq.position * interval '30 seconds'
     FROM attempt_questions aq
     JOIN attempts a ON a.id = aq.attempt_id
     JOIN questions q ON q.id = aq.question_id
     WHERE aq.attempt_id = ANY($1::uuid[]) AND (aq.correct OR aq.position % 7 <> 0)`,
    [ids],
  );
  await session.query(
    `UPDATE attempts a
     SET status = CASE WHEN a.kind = 'diagnostic' OR r.score >= a.pass_percent THEN 'passed' ELSE 'failed' END,
         finished_at = to_timestamp(r.finished), correct_count = r.correct, score = r.score
     FROM (SELECT id, finished, correct, round(correct * 100.0 / questions, 2) AS score
           FROM unnest($1::uuid[], $2::float8[], $3::int[], $4::int[]) AS u(id, finished, correct, questions)) AS r
     WHERE a.id = r.id`,
    [
      ids,
      round.map(({ attempt }) => attempt.finishedAt),
      round.map(({ attempt }) => attempt.questions.filter((question) => question.correct).length),
      round.map(({ attempt }) => attempt.questions.length),
    ],
  );
}

async function insertRequests(session: SeedSession, plans: readonly StudentPlan[]): Promise<void> {
  const { sqlId } = session;
  const rows = plans.flatMap((plan) => plan.requests.map((request, index) => ({ plan, request, index })));
  if (rows.length === 0) return;
  await session.query(
    `INSERT INTO approval_requests (id, user_id, track_id, kind, stage_id, attempt_id, status, requested_at, decided_at,
                                    decided_by)
     SELECT ${sqlId('request', 'r.i', 'r.n')}, ${sqlId('user', 'r.i')}, ${sqlId('track', `r.i % ${TRACKS}`)}, r.kind,
            CASE WHEN r.stage IS NOT NULL THEN ${sqlId('stage', `r.i % ${TRACKS}`, 'r.stage')} END,
            r.attempt, r.status, ${ts('r.requested')}, ${ts('r.decided')},
            CASE WHEN r.decided IS NOT NULL THEN ${sqlId('staff', "'admin'")} END
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::float8[], $8::float8[])
          AS r(i, n, kind, stage, attempt, status, requested, decided)`,
    [
      rows.map((row) => row.plan.student),
      rows.map((row) => row.index + 1),
      rows.map((row) => row.request.kind),
      rows.map((row) => row.request.stage),
      rows.map((row) => session.id('attempt', row.plan.student, row.request.attemptOrdinal)),
      rows.map((row) => row.request.status),
      rows.map((row) => row.request.requestedAt),
      rows.map((row) => row.request.decidedAt),
    ],
  );
}

/** The code is unguessable in the app; here it is a hash, so the data stays deterministic. */
async function insertCertificates(session: SeedSession, plans: readonly StudentPlan[]): Promise<void> {
  const { sqlId } = session;
  const graduated = plans.filter((plan) => plan.graduatedAt !== null);
  if (graduated.length === 0) return;
  await session.query(
    `INSERT INTO certificates (code, enrollment_id, user_id, track_id, holder_name, track_title, issued_at)
     SELECT md5('${session.seed}:certificate:' || r.i), e.id, e.user_id, e.track_id, u.display_name, t.title,
            ${ts('r.issued')}
     FROM unnest($1::int[], $2::float8[]) AS r(i, issued)
     JOIN enrollments e ON e.id = ${sqlId('enrollment', 'r.i')}
     JOIN users u ON u.id = e.user_id
     JOIN tracks t ON t.id = e.track_id`,
    [graduated.map((plan) => plan.student), graduated.map((plan) => plan.graduatedAt)],
  );
}

/**
 * Mastery as the app keeps it: per module, every graded question of every finished attempt
 * (an unanswered one counts as wrong) — summed from the same planned questions that became the
 * attempts' rows.
 */
async function insertMastery(session: SeedSession, plans: readonly StudentPlan[]): Promise<void> {
  const rows: { i: number; track: number; module: number; answered: number; correct: number; updated: number }[] = [];
  for (const plan of plans) {
    const byModule = new Map<number, (typeof rows)[number]>();
    for (const attempt of plan.attempts) {
      for (const question of attempt.questions) {
        let row = byModule.get(question.module);
        if (!row) {
          row = { i: plan.student, track: plan.track, module: question.module, answered: 0, correct: 0, updated: 0 };
          byModule.set(question.module, row);
        }
        row.answered += 1;
        if (question.correct) row.correct += 1;
        row.updated = Math.max(row.updated, attempt.finishedAt);
      }
    }
    rows.push(...byModule.values());
  }
  if (rows.length === 0) return;
  const { sqlId } = session;
  await session.query(
    `INSERT INTO mastery (user_id, module_id, track_id, answered, correct, updated_at)
     SELECT ${sqlId('user', 'r.i')}, ${sqlId('module', 'r.track', 'r.module')}, ${sqlId('track', 'r.track')},
            r.answered, r.correct, ${ts('r.updated')}
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::float8[])
          AS r(i, track, module, answered, correct, updated)`,
    [
      rows.map((row) => row.i),
      rows.map((row) => row.track),
      rows.map((row) => row.module),
      rows.map((row) => row.answered),
      rows.map((row) => row.correct),
      rows.map((row) => row.updated),
    ],
  );
}
