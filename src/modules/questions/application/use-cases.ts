import { makeCreateQuestion } from './commands/create-question.ts';
import { makeDeleteQuestion } from './commands/delete-question.ts';
import { makeImportQuestions } from './commands/import-questions.ts';
import { makeRetireQuestion } from './commands/retire-question.ts';
import { makeUpdateQuestion } from './commands/update-question.ts';
import type { QuestionsUseCases } from './contract.ts';
import type { QuestionsDeps } from './deps.ts';
import { makeExportGift } from './queries/export-gift.ts';
import { makeGetQuestion } from './queries/get-question.ts';
import { makeListQuestions } from './queries/list-questions.ts';

/** Every question bank use case, bound to its adapters: the contract the routes, pages and CLI use. */
export function createQuestionsUseCases(deps: QuestionsDeps): QuestionsUseCases {
  return {
    listQuestions: makeListQuestions(deps),
    getQuestion: makeGetQuestion(deps),
    createQuestion: makeCreateQuestion(deps),
    updateQuestion: makeUpdateQuestion(deps),
    retireQuestion: makeRetireQuestion(deps),
    deleteQuestion: makeDeleteQuestion(deps),
    importQuestions: makeImportQuestions(deps),
    exportGift: makeExportGift(deps),
  };
}
