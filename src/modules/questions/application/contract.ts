import type { RequestOrigin } from '../../../shared/domain/audit.ts';
import type { QuestionKind } from '../domain/formats/parsed-question.ts';
import type { RejectReason } from '../domain/formats/parsed-question.ts';
import type { QuestionDraftFields } from '../domain/question.ts';

/**
 * What the question bank offers its callers (HTTP routes, pages, the CLI and the demo seed).
 * Every use case checks the actor's role itself: the bank is for moderators, admins and the
 * owner; anyone else gets a 403 (`questions.forbidden`).
 */
export type QuestionActor = Readonly<{ id: string; role: 'student' | 'moderator' | 'admin' | 'owner' }>;

export type QuestionStatus = 'active' | 'retired';

/** A question as staff see it: with its correct options. Never sent to anyone else. */
export type QuestionView = QuestionDraft &
  Readonly<{
    id: string;
    status: QuestionStatus;
    retiredAt: Date | null;
    /** The question this one replaced when a used question was edited. */
    replacesId: string | null;
    /** When an attempt first used it; from then on its content is frozen. */
    usedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  }>;

/** The content of a question as an editor submits it. */
export type QuestionDraft = QuestionDraftFields;

export type QuestionFilter = Readonly<{
  trackId?: string | undefined;
  moduleId?: string | undefined;
  stageId?: string | undefined;
  status?: QuestionStatus | undefined;
  kind?: QuestionKind | undefined;
  /** Substring of the text, name, options or explanation (case-insensitive). */
  q?: string | undefined;
  limit: number;
  offset: number;
}>;

export type ImportFormat = 'gift' | 'aiken' | 'csv';

export type ImportInput = Readonly<{
  actor: QuestionActor;
  trackId: string;
  /** Where questions without a category (GIFT `$CATEGORY`, CSV `module`) go; Aiken needs it. */
  moduleId?: string | undefined;
  /** The stage tier given to every imported question that does not name one itself. */
  stageId?: string | undefined;
  format: ImportFormat;
  /** The file's text (UTF-8 decoded; a BOM may remain). */
  content: string;
  fileName?: string | undefined;
  /** Parse and check everything, store nothing. */
  dryRun: boolean;
  /** Store the questions that pass even when some lines are rejected. */
  partial: boolean;
  origin: RequestOrigin | null;
  now: Date;
  /** Called while storing, for progress bars (done of total). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}>;

/** One question of an import as it was (or, in a dry run, would be) stored. */
export type ImportedQuestion = Readonly<{
  line: number;
  /** Null in a dry run. */
  id: string | null;
  kind: QuestionKind;
  name: string | null;
  text: string;
  options: readonly string[];
  correct: readonly number[];
  module: Readonly<{ id: string; title: string }>;
  stage: Readonly<{ id: string; position: number; title: string }> | null;
}>;

export type ImportReport = Readonly<{
  dryRun: boolean;
  /** Whether anything was stored (false in a dry run, and when a rejection stopped an all-or-nothing import). */
  stored: boolean;
  /** How many questions were (or would be) stored. */
  imported: number;
  questions: readonly ImportedQuestion[];
  /** Every refused item with its 1-based line and a reason code (catalog key `questions.import.<code>`). */
  rejected: readonly Readonly<{ line: number; reason: RejectReason }>[];
}>;

export type QuestionsUseCases = {
  listQuestions(input: { actor: QuestionActor; filter: QuestionFilter }): Promise<{
    items: readonly QuestionView[];
    total: number;
  }>;
  getQuestion(input: { actor: QuestionActor; id: string }): Promise<QuestionView>;
  /** 422 `questions.invalid_question` with every failing field (`issues`) when the draft is invalid. */
  createQuestion(input: { actor: QuestionActor; draft: QuestionDraft; now: Date }): Promise<QuestionView>;
  /**
   * Applies the changes; a question some attempt has used is not changed in place: a new
   * question is created (replacing it) and the old one retired — `replaced` says which happened.
   * A retired question cannot be edited (409 `questions.question_retired`).
   */
  updateQuestion(input: {
    actor: QuestionActor;
    id: string;
    changes: Partial<Omit<QuestionDraft, 'trackId'>>;
    now: Date;
  }): Promise<{ question: QuestionView; replaced: boolean }>;
  /** Idempotent. */
  retireQuestion(input: { actor: QuestionActor; id: string; now: Date }): Promise<QuestionView>;
  /** Only a question no attempt has used (409 `questions.question_used` otherwise: retire it). */
  deleteQuestion(input: { actor: QuestionActor; id: string }): Promise<void>;
  importQuestions(input: ImportInput): Promise<ImportReport>;
  /**
   * The track's active questions as a GIFT file that imports back to the same questions: each
   * `$CATEGORY:` is a module slug, followed by `/stage-<position>` for a stage tier
   * (`$CATEGORY: footwork/stage-2`). Import reads the same convention (module by slug or title,
   * case-insensitive; Moodle prefixes such as `$course$/top/` are ignored).
   */
  exportGift(input: { actor: QuestionActor; trackId: string }): Promise<{ fileName: string; content: string }>;
};
