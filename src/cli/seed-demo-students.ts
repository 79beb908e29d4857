import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApprovalsUseCases } from '../modules/approvals/index.ts';
import type { Actor, AssessmentUseCases, AttemptQuestionView, AttemptResult } from '../modules/assessment/index.ts';
import type { IdentityUseCases } from '../modules/identity/index.ts';
import type { ProgressUseCases } from '../modules/progress/index.ts';
import type { RequestOrigin } from '../shared/domain/audit.ts';
import type { Db } from '../shared/infrastructure/db/database.ts';

/** Every demo student signs in with this (documented in the README and docs/learning.md). */
export const DEMO_STUDENT_PASSWORD = 'demo-student-2026';
export const MAX_DEMO_STUDENTS = 500;

type Locale = 'ru' | 'en';
/** Per demo track slug: the language its demo students use and their display names. */
export type DemoStudentNames = Readonly<Record<string, Readonly<{ locale: Locale; names: readonly string[] }>>>;

export type DemoStudentsDeps = Readonly<{
  identity: IdentityUseCases;
  progress: ProgressUseCases;
  assessment: AssessmentUseCases;
  approvals: ApprovalsUseCases;
  /** Reads the answer key (the demo answers exams right or wrong on purpose) and marks emails verified. */
  db: Db;
  /** Decides the demo approval requests: the owner. */
  decider: Actor;
  /** The demo tracks' slugs, in the order students are spread over them. */
  tracks: readonly string[];
  names: DemoStudentNames;
  now: () => Date;
  say: (line: string) => void;
}>;

/** `data/demo/students.json`: per demo track, its students' language and display names. */
export function readDemoStudentNames(directory: string): DemoStudentNames {
  return JSON.parse(readFileSync(path.join(directory, 'students.json'), 'utf8')) as DemoStudentNames;
}

export function demoStudentEmail(index: number): string {
  return `student${String(index).padStart(2, '0')}@demo.baza.local`;
}

/**
 * Where a demo student stops on the journey. The first eight cover every enrollment, stage and
 * request status; the rest add variety when more students are asked for.
 */
type Profile = Readonly<{ label: string; run: (journey: Journey) => Promise<void> }>;

const PROFILES: readonly Profile[] = [
  { label: 'enrolled, the diagnostic is next', run: async () => {} },
  {
    label: 'studying stage 1',
    run: async (j) => {
      await j.diagnostic();
      await j.study('some');
    },
  },
  {
    label: 'stage 1 passed, waiting for approval',
    run: async (j) => {
      await j.diagnostic();
      await j.passStage(1);
    },
  },
  {
    label: 'failed the stage 1 level exam',
    run: async (j) => {
      await j.diagnostic();
      await j.study('all');
      await j.levelExam(1, false);
    },
  },
  {
    label: 'studying stage 2',
    run: async (j) => {
      await j.diagnostic();
      await j.passStage(1);
      await j.decide('approve');
      await j.study('some');
    },
  },
  {
    label: 'in the final, failed the rank final (cooldown)',
    run: async (j) => {
      await j.throughEveryStage();
      await j.rankFinal(false);
    },
  },
  {
    label: 'graduated, with a certificate',
    run: async (j) => {
      await j.throughEveryStage();
      await j.rankFinal(true);
      await j.decide('approve');
    },
  },
  {
    label: 'rank final passed, waiting for graduation approval',
    run: async (j) => {
      await j.throughEveryStage();
      await j.rankFinal(true);
    },
  },
  { label: 'in the final, the rank final is next', run: (j) => j.throughEveryStage() },
  {
    label: 'stage 1 rejected with a comment, to retake',
    run: async (j) => {
      await j.diagnostic();
      await j.passStage(1);
      await j.decide('reject');
    },
  },
  {
    label: 'stage 2 passed, waiting for approval',
    run: async (j) => {
      await j.diagnostic();
      await j.passStage(1);
      await j.decide('approve');
      await j.passStage(2);
    },
  },
];

/**
 * Creates demo students 1..count that do not exist yet (a student who exists is left alone,
 * so a second run adds nothing), each verified and active, enrolled in one of the demo tracks
 * and taken through the real use cases to the point its profile names.
 */
export async function seedDemoStudents(deps: DemoStudentsDeps, count: number): Promise<void> {
  for (let index = 1; index <= count; index += 1) {
    const email = demoStudentEmail(index);
    const existing = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) {
      deps.say(`${email}: already there, left as it is`);
      continue;
    }
    const cycle = Math.floor((index - 1) / PROFILES.length);
    const profile = PROFILES[(index - 1) % PROFILES.length]!;
    // The second round of profiles goes to the other track, and so on.
    const slug = deps.tracks[(index - 1 + cycle) % deps.tracks.length]!;
    const { locale, names } = deps.names[slug] ?? { locale: 'en', names: ['Demo Student'] };
    const name = `${names[(index - 1) % names.length]!}${index > names.length ? ` ${index}` : ''}`;
    const student = await createVerifiedStudent(deps, index, email, name, locale);
    await deps.progress.enroll(student, slug);
    await profile.run(journeyOf(deps, student, slug));
    deps.say(`${email} (${name}): ${slug} — ${profile.label}`);
  }
}

/** Registers through identity (password policy, hashing, audit), then confirms the address as the mailed link would. */
async function createVerifiedStudent(
  deps: DemoStudentsDeps,
  index: number,
  email: string,
  displayName: string,
  locale: Locale,
): Promise<Actor> {
  // A loopback address per student: the sign-up rate limit counts per client address.
  const origin: RequestOrigin = { ip: `127.0.${(index >> 8) & 255}.${index & 255}`, requestId: `seed-demo-${index}` };
  await deps.identity.registerUser({
    email,
    password: DEMO_STUDENT_PASSWORD,
    displayName,
    locale,
    origin,
    now: deps.now(),
  });
  const now = deps.now();
  const user = await deps.db
    .updateTable('users')
    .set({ status: 'active', emailVerifiedAt: now, updatedAt: now })
    .where('email', '=', email)
    .where('status', '=', 'pending_verification')
    .returning('id')
    .executeTakeFirstOrThrow(() => new Error(`${email} was not created as a new account`));
  return { id: user.id, role: 'student' };
}

type Journey = ReturnType<typeof journeyOf>;

const ORIGIN: RequestOrigin = { ip: '127.0.0.1', requestId: 'seed-demo' };

function journeyOf(deps: DemoStudentsDeps, student: Actor, slug: string) {
  const { progress, assessment } = deps;
  const where = `${slug} (${student.id})`;

  /** Answers every question right, or (for a fail) only the first quarter, then finishes. */
  async function answerAndFinish(attemptId: string, pass: boolean): Promise<AttemptResult> {
    const attempt = await assessment.getAttempt(student, attemptId);
    const key = await answerKey(
      deps.db,
      attempt.questions.map((question) => question.id),
    );
    const rightCount = pass ? attempt.questions.length : Math.floor(attempt.questions.length / 4);
    for (const [index, question] of attempt.questions.entries()) {
      const selected = index < rightCount ? rightOptions(question, key) : wrongOptions(question, key);
      await assessment.saveAnswer(student, attemptId, question.id, selected);
    }
    return assessment.finish(student, attemptId);
  }

  function expectOutcome(result: AttemptResult, pass: boolean, what: string): void {
    if (result.passed !== pass) throw new Error(`${where}: the ${what} was meant to ${pass ? 'pass' : 'fail'}`);
  }

  const journey = {
    /** A realistic diagnostic: about two answers in three right, so some modules come out weak. */
    async diagnostic(): Promise<void> {
      const { attemptId } = await progress.startDiagnostic(student, slug);
      const attempt = await assessment.getAttempt(student, attemptId);
      const key = await answerKey(
        deps.db,
        attempt.questions.map((question) => question.id),
      );
      for (const [index, question] of attempt.questions.entries()) {
        const right = index % 3 !== 2;
        const selected = right ? rightOptions(question, key) : wrongOptions(question, key);
        await assessment.saveAnswer(student, attemptId, question.id, selected);
      }
      await assessment.finish(student, attemptId);
    },

    /** Studies the current stage's assignments: all of them, or the first half. */
    async study(share: 'all' | 'some'): Promise<void> {
      const { assignments } = await progress.progress(student, slug);
      const wanted = share === 'all' ? assignments : assignments.slice(0, Math.ceil(assignments.length / 2));
      for (const assignment of wanted.filter((candidate) => !candidate.done)) {
        const articleId = assignment.article.id;
        await progress.openArticle(student, articleId);
        if (assignment.minitestSize === 0) continue;
        const { attemptId } = await progress.startMinitest(student, articleId);
        expectOutcome(await answerAndFinish(attemptId, true), true, `mini-test of ${assignment.article.slug}`);
      }
    },

    async levelExam(position: number, pass: boolean): Promise<void> {
      const { attemptId } = await progress.startLevelExam(student, slug, position);
      expectOutcome(await answerAndFinish(attemptId, pass), pass, `stage ${position} level exam`);
    },

    async passStage(position: number): Promise<void> {
      await journey.study('all');
      await journey.levelExam(position, true);
    },

    async rankFinal(pass: boolean): Promise<void> {
      const { attemptId } = await progress.startRankFinal(student, slug);
      expectOutcome(await answerAndFinish(attemptId, pass), pass, 'rank final');
    },

    /** The owner decides the student's pending request on this track. */
    async decide(decision: 'approve' | 'reject'): Promise<void> {
      const pending = (await deps.approvals.listMine(student)).find(
        (request) => request.status === 'pending' && request.track.slug === slug,
      );
      if (!pending) throw new Error(`${where}: no pending approval request to ${decision}`);
      if (decision === 'approve') await deps.approvals.approve(deps.decider, pending.id, 'Demo: well done.', ORIGIN);
      else
        await deps.approvals.reject(
          deps.decider,
          pending.id,
          'Demo: please revisit the articles of this stage and take the exam again.',
          ORIGIN,
        );
    },

    /** The diagnostic, then every stage passed and approved: the enrollment is in the final. */
    async throughEveryStage(): Promise<void> {
      await journey.diagnostic();
      const { stages } = await progress.progress(student, slug);
      for (const stage of stages) {
        await journey.passStage(stage.position);
        await journey.decide('approve');
      }
    },
  };
  return journey;
}

/** The correct options of each question, as texts: they are matched to the attempt's options by text. */
type AnswerKey = ReadonlyMap<string, ReadonlySet<string>>;

async function answerKey(db: Db, questionIds: readonly string[]): Promise<AnswerKey> {
  if (questionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'options', 'correct'])
    .where('id', 'in', [...questionIds])
    .execute();
  return new Map(rows.map((row) => [row.id, new Set(row.correct.map((index) => row.options[index]!))]));
}

function rightOptions(question: AttemptQuestionView, key: AnswerKey): number[] {
  const correct = key.get(question.id);
  if (!correct) throw new Error(`question ${question.id} is not in the bank`);
  return question.options.flatMap((option, index) => (correct.has(option) ? [index] : []));
}

function wrongOptions(question: AttemptQuestionView, key: AnswerKey): number[] {
  const correct = key.get(question.id) ?? new Set<string>();
  const wrong = question.options.findIndex((option) => !correct.has(option));
  return [wrong === -1 ? 0 : wrong];
}
