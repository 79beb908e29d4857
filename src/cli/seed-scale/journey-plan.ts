import {
  coreArticle,
  coreArticleHasMinitest,
  coreArticleModule,
  bankQuestion,
  minitestQuestion,
  mix,
  MINITEST_QUESTIONS,
} from './layout.ts';
import {
  SCALE_CORE_ARTICLES_PER_STAGE,
  SCALE_MODULES_PER_TRACK,
  SCALE_STAGES_PER_TRACK,
  SCALE_TRACK_SLUGS,
  scaleLevelExamFailedFirst,
  scaleMinitestFailedFirst,
  scaleRankFinalFailedFirst,
  scaleStudentProgress,
  scaleStudentState,
} from './manifest.ts';

/** Seconds since the Unix epoch: every timestamp of the scaled data derives from this one. */
export const SCALE_EPOCH = Date.UTC(2026, 0, 5) / 1000;

const HOUR = 3600;
const LEVEL_EXAM_QUESTIONS = 10;
const RANK_FINAL_QUESTIONS = 20;
/** Extra level-exam places (10 questions over 8 modules) and rank-final places (20 over 8 × 2). */
const LEVEL_EXAM_EXTRA = LEVEL_EXAM_QUESTIONS - SCALE_MODULES_PER_TRACK;
const RANK_FINAL_EXTRA = RANK_FINAL_QUESTIONS - 2 * SCALE_MODULES_PER_TRACK;

export type AttemptKind = 'diagnostic' | 'minitest' | 'level_exam' | 'rank_final';

export type PlannedQuestion = { question: number; module: number; correct: boolean };

export type PlannedAttempt = {
  /** The attempt's ordinal in the student's history (its id derives from (student, ordinal)). */
  ordinal: number;
  kind: AttemptKind;
  stage: number | null;
  article: number | null;
  number: number;
  passed: boolean;
  passPercent: number | null;
  deadlineMinutes: number | null;
  startedAt: number;
  finishedAt: number;
  /** In position order. */
  questions: PlannedQuestion[];
};

export type PlannedStage = {
  position: number;
  status: 'active' | 'pending_approval' | 'completed';
  startedAt: number;
  completedAt: number | null;
  assignments: { position: number; article: number; openedAt: number | null; doneAt: number | null }[];
};

export type PlannedRequest = {
  kind: 'stage_transition' | 'graduation';
  stage: number | null;
  attemptOrdinal: number;
  status: 'pending' | 'approved';
  requestedAt: number;
  decidedAt: number | null;
};

export type StudentPlan = {
  student: number;
  track: number;
  enrollmentStatus: 'diagnostic' | 'learning' | 'final' | 'graduated';
  enrolledAt: number;
  graduatedAt: number | null;
  updatedAt: number;
  stages: PlannedStage[];
  attempts: PlannedAttempt[];
  requests: PlannedRequest[];
};

/** The whole history of student `i`, replayed in time order so every step follows the rules. */
export function planStudent(i: number, seed: number, bankQuestions: number, poolSize: number): StudentPlan {
  const state = scaleStudentState(i);
  const track = i % SCALE_TRACK_SLUGS.length;
  const enrolledAt = SCALE_EPOCH + i * 60;
  const plan: StudentPlan = {
    student: i,
    track,
    enrollmentStatus: 'diagnostic',
    enrolledAt,
    graduatedAt: null,
    updatedAt: enrolledAt,
    stages: [],
    attempts: [],
    requests: [],
  };
  if (state === 'diagnostic') return plan;

  let cursor = enrolledAt;
  const later = (salt: number) => (cursor += HOUR * (1 + (mix(seed, i, salt, cursor) % 20)));
  const skill = (module: number) => 45 + (mix(seed, i, module) % 50);
  const attempt = (
    kind: AttemptKind,
    scope: { stage?: number; article?: number },
    number: number,
    passed: boolean,
    questions: { question: number; module: number }[],
    correctCount: number | null,
  ): PlannedAttempt => {
    const ordinal = plan.attempts.length + 1;
    const startedAt = later(ordinal);
    const finishedAt = startedAt + 60 + 30 * questions.length;
    cursor = finishedAt;
    const count = questions.length;
    const planned: PlannedAttempt = {
      ordinal,
      kind,
      stage: scope.stage ?? null,
      article: scope.article ?? null,
      number,
      passed,
      passPercent: kind === 'diagnostic' ? null : kind === 'rank_final' ? 80 : 70,
      deadlineMinutes: kind === 'level_exam' ? 30 : kind === 'rank_final' ? 60 : null,
      startedAt,
      finishedAt,
      // With `correctCount` right answers spread over the positions by a stride coprime with the count.
      questions: questions.map((q, index) => ({
        ...q,
        correct:
          correctCount === null
            ? mix(seed, i, ordinal, index) % 100 < skill(q.module)
            : (index * 7 + i) % count < correctCount,
      })),
    };
    plan.attempts.push(planned);
    return planned;
  };
  const pick = (ordinal: number, module: number, tier: number) =>
    bankQuestion(track, module, tier, mix(seed, i, ordinal, module, tier) % poolSize);
  const shuffled = <T>(items: T[]) => {
    const stride = 7; // coprime with 3, 8, 10 and 20: a permutation of the positions
    return items.map((_, index) => items[(index * stride + i) % items.length]!);
  };
  const modules = Array.from({ length: SCALE_MODULES_PER_TRACK }, (_, index) => index + 1);
  const extraModules = (ordinal: number, count: number) => {
    const start = mix(seed, i, ordinal) % SCALE_MODULES_PER_TRACK;
    return Array.from({ length: count }, (_, index) => ((start + index) % SCALE_MODULES_PER_TRACK) + 1);
  };
  const levelExam = (stage: number, number: number, passed: boolean) => {
    const ordinal = plan.attempts.length + 1;
    const questions = shuffled([
      ...modules.map((module) => ({ question: pick(ordinal, module, stage), module })),
      ...extraModules(ordinal, LEVEL_EXAM_EXTRA).map((module) => ({ question: pick(ordinal, module, 0), module })),
    ]);
    const correct = passed ? 7 + (mix(seed, i, ordinal) % 4) : 3 + (mix(seed, i, ordinal) % 4);
    return attempt('level_exam', { stage }, number, passed, questions, correct);
  };
  const rankFinal = (number: number, passed: boolean) => {
    const ordinal = plan.attempts.length + 1;
    const first = 1 + (i % SCALE_STAGES_PER_TRACK);
    const second = 1 + ((i + 1) % SCALE_STAGES_PER_TRACK);
    const questions = shuffled([
      ...modules.flatMap((module) => [
        { question: pick(ordinal, module, first), module },
        { question: pick(ordinal, module, 0), module },
      ]),
      ...extraModules(ordinal, RANK_FINAL_EXTRA).map((module) => ({ question: pick(ordinal, module, second), module })),
    ]);
    const correct = passed ? 16 + (mix(seed, i, ordinal) % 5) : 8 + (mix(seed, i, ordinal) % 8);
    return attempt('rank_final', {}, number, passed, questions, correct);
  };

  const diagnosticOrdinal = 1;
  attempt(
    'diagnostic',
    {},
    1,
    true,
    modules.map((module) => ({ question: pick(diagnosticOrdinal, module, 1), module })),
    null,
  );
  plan.enrollmentStatus = 'learning';

  const { completedStages, doneAssignments } = scaleStudentProgress(i);
  const openStage = completedStages < SCALE_STAGES_PER_TRACK ? completedStages + 1 : null;
  for (let position = 1; position <= (openStage ?? completedStages); position += 1) {
    const completed = position <= completedStages;
    const stage: PlannedStage = {
      position,
      status: 'active',
      startedAt: cursor,
      completedAt: null,
      assignments: [],
    };
    plan.stages.push(stage);
    const done = completed ? SCALE_CORE_ARTICLES_PER_STAGE : doneAssignments;
    for (let slot = 1; slot <= SCALE_CORE_ARTICLES_PER_STAGE; slot += 1) {
      const article = coreArticle(track, position, slot);
      const assignment = { position: slot, article, openedAt: null as number | null, doneAt: null as number | null };
      stage.assignments.push(assignment);
      if (slot > done + 1 || (slot === done + 1 && (slot > 3 || i % 2 === 1))) continue;
      assignment.openedAt = later(100 + slot);
      if (slot === done + 1) continue; // opened, its mini-test not passed yet
      if (!coreArticleHasMinitest(slot)) {
        assignment.doneAt = assignment.openedAt;
        continue;
      }
      const module = coreArticleModule(position, slot);
      const questions = Array.from({ length: MINITEST_QUESTIONS }, (_, k) => ({
        question: minitestQuestion(bankQuestions, article, k),
        module,
      }));
      let number = 1;
      if (slot === 1 && scaleMinitestFailedFirst(i, position)) {
        attempt('minitest', { article }, number, false, shuffled(questions), 1 + (i % 2));
        number += 1;
      }
      assignment.doneAt = attempt(
        'minitest',
        { article },
        number,
        true,
        shuffled(questions),
        MINITEST_QUESTIONS,
      ).finishedAt;
    }
    if (!completed && state === 'studying') break;

    let number = 1;
    if (scaleLevelExamFailedFirst(i, position)) {
      levelExam(position, number, false);
      number += 1;
    }
    if (!completed && state === 'exam-ready') break;
    const passed = levelExam(position, number, true);
    const request: PlannedRequest = {
      kind: 'stage_transition',
      stage: position,
      attemptOrdinal: passed.ordinal,
      status: 'pending',
      requestedAt: passed.finishedAt,
      decidedAt: null,
    };
    plan.requests.push(request);
    if (!completed) {
      stage.status = 'pending_approval';
      break;
    }
    request.status = 'approved';
    request.decidedAt = later(200 + position);
    stage.status = 'completed';
    stage.completedAt = request.decidedAt;
  }

  if (openStage === null) {
    plan.enrollmentStatus = 'final';
    let number = 1;
    if (scaleRankFinalFailedFirst(i)) {
      rankFinal(number, false);
      number += 1;
    }
    if (state === 'graduated') {
      const passed = rankFinal(number, true);
      const decidedAt = later(300);
      plan.requests.push({
        kind: 'graduation',
        stage: null,
        attemptOrdinal: passed.ordinal,
        status: 'approved',
        requestedAt: passed.finishedAt,
        decidedAt,
      });
      plan.enrollmentStatus = 'graduated';
      plan.graduatedAt = decidedAt;
    }
  }
  plan.updatedAt = cursor;
  return plan;
}
