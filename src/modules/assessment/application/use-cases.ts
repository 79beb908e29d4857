import { annulAttempt } from './commands/annul-attempt.ts';
import { finishAttempt } from './commands/finish-attempt.ts';
import { finishExpired } from './commands/finish-expired.ts';
import { saveAnswer } from './commands/save-answer.ts';
import type { AssessmentUseCases } from './contract.ts';
import type { AssessmentDeps } from './ports.ts';
import { getAttempt } from './queries/get-attempt.ts';

export function createAssessmentUseCases(deps: AssessmentDeps): AssessmentUseCases {
  return {
    getAttempt: getAttempt(deps),
    saveAnswer: saveAnswer(deps),
    finish: finishAttempt(deps),
    annul: annulAttempt(deps),
    finishExpired: finishExpired(deps),
  };
}
