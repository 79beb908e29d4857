import type { QuestionView } from '../application/contract.ts';

/** The columns of a `QuestionView`, in the order the API lists them. */
export const QUESTION_COLUMNS = [
  'id',
  'trackId',
  'moduleId',
  'stageId',
  'kind',
  'name',
  'text',
  'options',
  'correct',
  'explanation',
  'status',
  'retiredAt',
  'replacesId',
  'usedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof QuestionView)[];
