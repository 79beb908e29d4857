import { enroll } from './commands/enroll.ts';
import { openArticle } from './commands/open-article.ts';
import { setExtraTime } from './commands/set-extra-time.ts';
import { startDiagnostic } from './commands/start-diagnostic.ts';
import { startLevelExam } from './commands/start-level-exam.ts';
import { startMinitest } from './commands/start-minitest.ts';
import { startRankFinal } from './commands/start-rank-final.ts';
import type { ProgressUseCases } from './contract.ts';
import type { ProgressDeps } from './ports.ts';
import { articleState } from './queries/article-state.ts';
import { certificate } from './queries/certificate.ts';
import { listEnrollments } from './queries/list-enrollments.ts';
import { listForStaff } from './queries/list-for-staff.ts';
import { trackProgress } from './queries/track-progress.ts';

export function createProgressUseCases(deps: ProgressDeps): ProgressUseCases {
  return {
    enroll: enroll(deps),
    listEnrollments: listEnrollments(deps),
    progress: trackProgress(deps),
    startDiagnostic: startDiagnostic(deps),
    openArticle: openArticle(deps),
    articleState: articleState(deps),
    startMinitest: startMinitest(deps),
    startLevelExam: startLevelExam(deps),
    startRankFinal: startRankFinal(deps),
    setExtraTime: setExtraTime(deps),
    listForStaff: listForStaff(deps),
    certificate: certificate(deps),
  };
}
