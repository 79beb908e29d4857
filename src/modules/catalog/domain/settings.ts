/**
 * Track settings (DOMAIN.md "Settings params"): validated as a whole on creation, every failing
 * field reported at once; fields left out take the defaults.
 */
export type ExamSettings = Readonly<{
  questionCount: number;
  minPerModule: number;
  maxPerModule: number;
  passPercent: number;
  timeLimitMinutes: number;
  cooldownMinutes: number;
  revealCorrectAnswers: boolean;
}>;

export type SettingsParams = Readonly<{
  diagnostic: Readonly<{ questionsPerModule: number }>;
  adaptivity: Readonly<{ weakModules: number }>;
  content: Readonly<{ extraArticlesPerWeakModule: number; minitestPassPercent: number }>;
  levelExam: ExamSettings;
  rankFinal: ExamSettings;
  approval: Readonly<{ required: boolean }>;
}>;

export const DEFAULT_SETTINGS: SettingsParams = {
  diagnostic: { questionsPerModule: 3 },
  adaptivity: { weakModules: 2 },
  content: { extraArticlesPerWeakModule: 1, minitestPassPercent: 70 },
  levelExam: {
    questionCount: 12,
    minPerModule: 1,
    maxPerModule: 4,
    passPercent: 70,
    timeLimitMinutes: 30,
    cooldownMinutes: 0,
    revealCorrectAnswers: false,
  },
  rankFinal: {
    questionCount: 20,
    minPerModule: 2,
    maxPerModule: 6,
    passPercent: 80,
    timeLimitMinutes: 60,
    cooldownMinutes: 1440,
    revealCorrectAnswers: false,
  },
  approval: { required: true },
};

/** A failing field: its JSON pointer, a stable code and the values its message needs. */
export type SettingsIssue = Readonly<{
  path: string;
  code: 'not_an_integer' | 'not_a_boolean' | 'out_of_range' | 'min_above_max' | 'infeasible_question_count';
  params: Readonly<Record<string, number>>;
}>;

export type SettingsValidation =
  Readonly<{ ok: true; params: SettingsParams }> | Readonly<{ ok: false; issues: readonly SettingsIssue[] }>;

type Range = readonly [min: number, max: number];
const QUESTION_COUNT_RANGE: Range = [1, 200];
const PER_MODULE_RANGE: Range = [0, 100];
const PERCENT: Range = [1, 100];

/** Fills defaults, then checks every field and the exam arithmetic for `moduleCount` modules. */
export function validateSettings(input: unknown, moduleCount: number): SettingsValidation {
  const issues: SettingsIssue[] = [];
  const section = (name: string) => asRecord(asRecord(input)[name]);
  const int = (group: string, field: string, range: Range, fallback: number) =>
    integerField(section(group)[field], `/${group}/${field}`, range, fallback, issues);
  const bool = (group: string, field: string, fallback: boolean) =>
    booleanField(section(group)[field], `/${group}/${field}`, fallback, issues);
  const exam = (group: 'levelExam' | 'rankFinal'): ExamSettings => {
    const defaults = DEFAULT_SETTINGS[group];
    const settings = {
      questionCount: int(group, 'questionCount', QUESTION_COUNT_RANGE, defaults.questionCount),
      minPerModule: int(group, 'minPerModule', PER_MODULE_RANGE, defaults.minPerModule),
      maxPerModule: int(group, 'maxPerModule', [1, PER_MODULE_RANGE[1]], defaults.maxPerModule),
      passPercent: int(group, 'passPercent', PERCENT, defaults.passPercent),
      timeLimitMinutes: int(group, 'timeLimitMinutes', [1, 600], defaults.timeLimitMinutes),
      cooldownMinutes: int(group, 'cooldownMinutes', [0, 10_080], defaults.cooldownMinutes),
      revealCorrectAnswers: bool(group, 'revealCorrectAnswers', defaults.revealCorrectAnswers),
    };
    checkExamArithmetic(group, settings, moduleCount, issues);
    return settings;
  };

  const params: SettingsParams = {
    diagnostic: { questionsPerModule: int('diagnostic', 'questionsPerModule', [1, 20], 3) },
    adaptivity: { weakModules: int('adaptivity', 'weakModules', [0, moduleCount], Math.min(2, moduleCount)) },
    content: {
      extraArticlesPerWeakModule: int('content', 'extraArticlesPerWeakModule', [0, 10], 1),
      minitestPassPercent: int('content', 'minitestPassPercent', PERCENT, 70),
    },
    levelExam: exam('levelExam'),
    rankFinal: exam('rankFinal'),
    approval: { required: bool('approval', 'required', true) },
  };
  return issues.length === 0 ? { ok: true, params } : { ok: false, issues };
}

/** `min <= max` and `min × modules <= questionCount <= max × modules`. */
function checkExamArithmetic(group: string, exam: ExamSettings, moduleCount: number, issues: SettingsIssue[]): void {
  if (exam.minPerModule > exam.maxPerModule) {
    issues.push({
      path: `/${group}/minPerModule`,
      code: 'min_above_max',
      params: { min: exam.minPerModule, max: exam.maxPerModule },
    });
    return;
  }
  const lowest = exam.minPerModule * moduleCount;
  const highest = exam.maxPerModule * moduleCount;
  if (exam.questionCount < lowest || exam.questionCount > highest) {
    issues.push({
      path: `/${group}/questionCount`,
      code: 'infeasible_question_count',
      params: { lowest, highest, modules: moduleCount },
    });
  }
}

function integerField(value: unknown, path: string, [min, max]: Range, fallback: number, issues: SettingsIssue[]) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push({ path, code: 'not_an_integer', params: {} });
    return fallback;
  }
  if (value < min || value > max) issues.push({ path, code: 'out_of_range', params: { min, max } });
  return value;
}

function booleanField(value: unknown, path: string, fallback: boolean, issues: SettingsIssue[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    issues.push({ path, code: 'not_a_boolean', params: {} });
    return fallback;
  }
  return value;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
