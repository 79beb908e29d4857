/**
 * What a question file yields before it meets a track: the import use case maps categories or
 * module columns to modules, validates against the bank's rules and stores what passes.
 */
export type QuestionKind = 'single' | 'multiple';

/** The markup of the question text as the file declared it; Markdown is what the bank stores. */
export type TextFormat = 'markdown' | 'html' | 'plain' | 'moodle';

export type ParsedQuestion = Readonly<{
  /** 1-based line where the question starts in the file. */
  line: number;
  /** GIFT `::name::`, an optional title. */
  name?: string | undefined;
  /** GIFT `$CATEGORY:` in force, or the CSV `module` column: the import maps it to a module. */
  category?: string | undefined;
  /** CSV `stage` column (a stage position), when given. */
  stage?: number | undefined;
  kind: QuestionKind;
  text: string;
  textFormat: TextFormat;
  options: readonly string[];
  /** Indexes into `options`; exactly one for `single`, at least one for `multiple`. */
  correct: readonly number[];
  /** Per-option feedback (GIFT `#feedback`), same length as `options`. */
  optionFeedback: readonly (string | undefined)[];
  /** General feedback (GIFT `####`, Aiken none, CSV `explanation`). */
  explanation?: string | undefined;
}>;

/** Why a line was refused: a stable code (catalog key `questions.import.<code>`) and its values. */
export type RejectReason = Readonly<{ code: string; params?: Readonly<Record<string, string | number>> }>;

export type Rejection = Readonly<{ line: number; reason: RejectReason }>;

export type ParseResult = Readonly<{ questions: readonly ParsedQuestion[]; rejected: readonly Rejection[] }>;
