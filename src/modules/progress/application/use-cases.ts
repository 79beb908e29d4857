import { enroll } from './commands/enroll.ts';
import { startDiagnostic } from './commands/start-diagnostic.ts';
import type { ProgressUseCases } from './contract.ts';
import type { ProgressDeps } from './ports.ts';

export function createProgressUseCases(deps: ProgressDeps): ProgressUseCases {
  const pending = (name: string) => () => Promise.reject(new Error(`progress: ${name} is being built`));
  return {
    enroll: enroll(deps),
    startDiagnostic: startDiagnostic(deps),
    listEnrollments: pending('listEnrollments'),
    progress: pending('progress'),
    openArticle: pending('openArticle'),
    articleState: pending('articleState'),
    startMinitest: pending('startMinitest'),
    startLevelExam: pending('startLevelExam'),
    startRankFinal: pending('startRankFinal'),
    setExtraTime: pending('setExtraTime'),
    listForStaff: pending('listForStaff'),
    certificate: pending('certificate'),
  };
}
