/**
 * The contract of the scaled database (`baza seed scale`): who the accounts are, which state
 * each student is in and how many rows of each kind N students get. Pure: the generator, the
 * benchmarks and the query-plan check all derive the same facts from it.
 */

export const SCALE_PASSWORD = 'scale-pass-2026';

export const SCALE_STAFF = {
  owner: 'owner@scale.baza.local',
  admin: 'admin@scale.baza.local',
  moderator: 'moderator@scale.baza.local',
} as const;

export const SCALE_EMAIL_DOMAIN = 'scale.baza.local';

export const SCALE_TRACK_SLUGS: readonly string[] = ['scale-backend', 'scale-frontend', 'scale-data'];

/** Stages per track; every track of the scaled database has the same shape. */
export const SCALE_STAGES_PER_TRACK = 4;
/** Modules per track. */
export const SCALE_MODULES_PER_TRACK = 8;

export type ScaleStudentState = 'diagnostic' | 'studying' | 'exam-ready' | 'pending-approval' | 'final' | 'graduated';

/** 1-based: student000001@scale.baza.local. */
export function scaleStudentEmail(i: number): string {
  return `student${String(i).padStart(6, '0')}@${SCALE_EMAIL_DOMAIN}`;
}

/**
 * A permutation of 0..99 within every block of 100 students (37 is coprime with 100), so each
 * block holds exactly the shares below and neighbouring students differ in state.
 */
function stateBucket(i: number): number {
  return (i * 37) % 100;
}

const STATE_BUCKETS: readonly [upTo: number, state: ScaleStudentState][] = [
  [30, 'exam-ready'],
  [35, 'pending-approval'],
  [40, 'diagnostic'],
  [85, 'studying'],
  [95, 'final'],
  [100, 'graduated'],
];

export function scaleStudentState(i: number): ScaleStudentState {
  const bucket = stateBucket(i);
  for (const [upTo, state] of STATE_BUCKETS) if (bucket < upTo) return state;
  throw new Error(`unreachable state bucket ${bucket}`);
}

export function scaleStudentTrack(i: number): string {
  return SCALE_TRACK_SLUGS[i % SCALE_TRACK_SLUGS.length]!;
}

/**
 * The stage position the student is at: the active stage ('studying', 'exam-ready'), the stage
 * waiting for approval ('pending-approval'). 'diagnostic' students have no active stage yet (1
 * is returned: the stage the diagnostic will open); 'final' and 'graduated' students have
 * passed every stage (the last position is returned).
 */
export function scaleStudentStage(i: number): number {
  const state = scaleStudentState(i);
  if (state === 'diagnostic') return 1;
  if (state === 'final' || state === 'graduated') return SCALE_STAGES_PER_TRACK;
  return 1 + (Math.floor(i / SCALE_TRACK_SLUGS.length) % SCALE_STAGES_PER_TRACK);
}

/** Core articles of every stage, in position order; the first ones carry a mini-test. */
export const SCALE_CORE_ARTICLES_PER_STAGE = 4;
export const SCALE_MINITEST_ARTICLES_PER_STAGE = 3;

export interface ScaleAttemptCounts {
  diagnostic: number;
  minitest: number;
  levelExam: number;
  rankFinal: number;
}

/**
 * How far a student is: stages completed, and how many assignments of the open stage are done
 * ('studying' students have done fewer than all of them).
 */
export function scaleStudentProgress(i: number): { completedStages: number; doneAssignments: number } {
  const state = scaleStudentState(i);
  if (state === 'diagnostic') return { completedStages: 0, doneAssignments: 0 };
  if (state === 'final' || state === 'graduated')
    return { completedStages: SCALE_STAGES_PER_TRACK, doneAssignments: 0 };
  const completedStages = scaleStudentStage(i) - 1;
  const doneAssignments =
    state === 'studying' ? Math.floor(i / 7) % SCALE_CORE_ARTICLES_PER_STAGE : SCALE_CORE_ARTICLES_PER_STAGE;
  return { completedStages, doneAssignments };
}

/** The first mini-test of stage `position` was failed once before it was passed. */
export function scaleMinitestFailedFirst(i: number, position: number): boolean {
  return (i + position) % 3 === 0;
}

/** The level exam of stage `position` was failed once before it was passed (or before now). */
export function scaleLevelExamFailedFirst(i: number, position: number): boolean {
  return (i + position) % 2 === 0;
}

/** The rank final was failed once ('final' and 'graduated' students). */
export function scaleRankFinalFailedFirst(i: number): boolean {
  return i % 2 === 0;
}

/** The finished attempts a student has, by kind; every one of them is in the database. */
export function scaleStudentAttempts(i: number): ScaleAttemptCounts {
  const state = scaleStudentState(i);
  const counts: ScaleAttemptCounts = { diagnostic: 0, minitest: 0, levelExam: 0, rankFinal: 0 };
  if (state === 'diagnostic') return counts;
  counts.diagnostic = 1;
  const { completedStages, doneAssignments } = scaleStudentProgress(i);
  for (let position = 1; position <= completedStages; position += 1) {
    counts.minitest += SCALE_MINITEST_ARTICLES_PER_STAGE + (scaleMinitestFailedFirst(i, position) ? 1 : 0);
    counts.levelExam += 1 + (scaleLevelExamFailedFirst(i, position) ? 1 : 0);
  }
  if (completedStages < SCALE_STAGES_PER_TRACK) {
    const position = completedStages + 1;
    const minitests = Math.min(doneAssignments, SCALE_MINITEST_ARTICLES_PER_STAGE);
    counts.minitest += minitests + (minitests > 0 && scaleMinitestFailedFirst(i, position) ? 1 : 0);
    if (state !== 'studying' && scaleLevelExamFailedFirst(i, position)) counts.levelExam += 1;
    if (state === 'pending-approval') counts.levelExam += 1;
  } else {
    counts.rankFinal = (scaleRankFinalFailedFirst(i) ? 1 : 0) + (state === 'graduated' ? 1 : 0);
  }
  return counts;
}

export interface ScaleSizes {
  students: number;
  tracks: number;
  stagesPerTrack: number;
  modulesPerTrack: number;
  /** The exam bank (mini-test questions come on top: 3 per mini-test article). */
  questions: number;
  /** Finished attempts of every kind (diagnostics, mini-tests, level exams, rank finals). */
  attempts: number;
  articles: number;
  /** Study articles: the core articles of every stage plus remedial articles of modules; the rest are public blog posts. */
  studyArticles: number;
  matrixItems: number;
}

/** The 100k-student shape, kept in proportion for other N with minimums for small N. */
export function scaleSizes(students: number): ScaleSizes {
  if (!Number.isInteger(students) || students < 1) {
    throw new Error(`students must be a positive integer, got ${students}`);
  }
  const ratio = students / 100_000;
  const articles = Math.max(600, Math.round(20_000 * ratio));
  let attempts = 0;
  for (let i = 1; i <= students; i += 1) {
    const counts = scaleStudentAttempts(i);
    attempts += counts.diagnostic + counts.minitest + counts.levelExam + counts.rankFinal;
  }
  return {
    students,
    tracks: SCALE_TRACK_SLUGS.length,
    stagesPerTrack: SCALE_STAGES_PER_TRACK,
    modulesPerTrack: SCALE_MODULES_PER_TRACK,
    questions: Math.max(3_000, Math.round(50_000 * ratio)),
    attempts,
    articles,
    studyArticles: Math.round(articles * 0.4),
    matrixItems: Math.max(300, Math.min(600, Math.round(300 + 300 * ratio))),
  };
}
