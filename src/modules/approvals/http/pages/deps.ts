import type { Clock } from '../../../../shared/application/clock.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { AssessmentUseCases } from '../../../assessment/index.ts';
import type { ProgressUseCases } from '../../../progress/index.ts';
import type { ApprovalsUseCases } from '../../application/contract.ts';

export type TrackChoice = Readonly<{ id: string; title: string }>;

export type ApprovalsPagesDeps = PagesDeps & {
  clock: Clock;
  approvals: ApprovalsUseCases;
  /** Every track, for the filters. */
  tracks: { list(): Promise<readonly TrackChoice[]> };
  /** Annulling an attempt from a dossier. */
  assessment: () => AssessmentUseCases;
  /** The enrollments list and extra time. */
  progress: () => ProgressUseCases;
};
