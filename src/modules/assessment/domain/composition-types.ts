/**
 * The adaptive engine's inputs and outputs (DOMAIN.md "Exam composition"). The engine is pure:
 * `composeExam` (compose-exam.ts) and `composeDiagnostic` (compose-diagnostic.ts) take
 * everything as arguments, including the seed, and never touch the clock, the database or
 * `Math.random`.
 */

/** A candidate question as the engine needs it. `stagePosition` null = any stage (untiered). */
export type PoolQuestion = Readonly<{ id: string; moduleId: string; stagePosition: number | null }>;

export type ModuleForComposition = Readonly<{
  id: string;
  /** The module's position in the track: ties between equal mastery go to the lower position. */
  position: number;
  /** (correct + 1) / (answered + 2); 0.5 with no data. */
  mastery: number;
  /** Eligible questions of this module (active, not mini-test, right stage tier). */
  pool: readonly PoolQuestion[];
}>;

export type ExamCompositionInput = Readonly<{
  modules: readonly ModuleForComposition[];
  /** N: questions in the exam. */
  questionCount: number;
  minPerModule: number;
  maxPerModule: number;
  /** K: how many of the weakest modules get raised first. */
  weakModules: number;
  /** Questions the student saw in earlier attempts of the same scope: picked last. */
  seen: ReadonlySet<string>;
  /** Any 32-bit integer; the same seed gives the same exam. */
  seed: number;
}>;

export type ComposedQuestion = Readonly<{ questionId: string; moduleId: string; position: number }>;

export type ExamComposition =
  | Readonly<{
      ok: true;
      /** In exam order, positions 1..N. */
      questions: readonly ComposedQuestion[];
      /** Questions per module id. */
      quotas: ReadonlyMap<string, number>;
      /** The K weakest module ids, weakest first. */
      weakModuleIds: readonly string[];
    }>
  | Readonly<{
      ok: false;
      reason: 'question_bank_too_small';
      /** How many questions could be placed at most, and the modules whose pools ran out. */
      available: number;
      exhaustedModuleIds: readonly string[];
    }>;

export type DiagnosticCompositionInput = Readonly<{
  /** Every module of the track; pools hold active non-mini-test questions of any stage tier. */
  modules: readonly Readonly<{ id: string; position: number; pool: readonly PoolQuestion[] }>[];
  questionsPerModule: number;
  seed: number;
}>;

/** Takes up to `questionsPerModule` per module, spread over stage tiers from the lowest up. */
export type DiagnosticComposition = Readonly<{ questions: readonly ComposedQuestion[] }>;
