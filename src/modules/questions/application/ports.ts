import type { TrackDirectory } from './track-directory.ts';
import type { AuditLog } from '../../../shared/application/audit.ts';
import type { UnitOfWork } from '../../../shared/application/unit-of-work.ts';
import type { QuestionDraftFields } from '../domain/question.ts';
import type { QuestionFilter, QuestionView } from './contract.ts';

export type NewQuestion = QuestionDraftFields &
  Readonly<{ id: string; replacesId: string | null; createdBy: string | null; now: Date }>;

export type QuestionContent = Omit<QuestionDraftFields, 'trackId'>;

/** Questions inside one transaction; `lockById` holds the row until the transaction ends. */
export type QuestionRepository = {
  lockById(id: string): Promise<QuestionView | undefined>;
  insert(question: NewQuestion): Promise<QuestionView>;
  /** Many new questions in one statement (the caller chunks them). */
  insertMany(questions: readonly NewQuestion[]): Promise<void>;
  /** Only for a question no attempt has used (the database refuses the others). */
  changeContent(id: string, content: QuestionContent, now: Date): Promise<QuestionView>;
  retire(id: string, now: Date): Promise<QuestionView>;
  delete(id: string): Promise<void>;
  /**
   * For the assessment module: the questions an attempt has just been given; from the first use
   * on their content is frozen. Ids already used keep their first time.
   */
  markUsed(ids: readonly string[], now: Date): Promise<void>;
};

export type QuestionsRepositories = {
  questions: QuestionRepository;
  audit: AuditLog<'questions.imported'>;
  /** The catalog's tracks, in the same transaction. */
  tracks: Pick<TrackDirectory, 'holdTrack'>;
};

export type QuestionsUnitOfWork = UnitOfWork<QuestionsRepositories>;

export type QuestionReads = {
  byId(id: string): Promise<QuestionView | undefined>;
  list(filter: QuestionFilter): Promise<{ items: QuestionView[]; total: number }>;
  /** The track's active questions, by module position, stage position (none first), then age. */
  activeOfTrack(trackId: string): Promise<QuestionView[]>;
};

export type IdGenerator = () => string;
