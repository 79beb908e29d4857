import type { QuestionReads, QuestionsUnitOfWork, IdGenerator } from './ports.ts';
import type { TrackDirectory } from './track-directory.ts';

/** Everything the question bank's use cases may need; each factory picks what it uses. */
export type QuestionsDeps = Readonly<{
  uow: QuestionsUnitOfWork;
  reads: QuestionReads;
  tracks: TrackDirectory;
  newId: IdGenerator;
  /** How many questions an import inserts per statement (and per progress report). */
  importChunkSize: number;
}>;
