import type { Config } from '../../../../config.ts';
import type { Clock } from '../../../../shared/application/clock.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { AssessmentUseCases } from '../../../assessment/index.ts';
import type { ContentUseCases } from '../../../content/index.ts';
import type { ProgressUseCases } from '../../application/contract.ts';

export type LearningPagesDeps = PagesDeps & {
  config: Config;
  clock: Clock;
  progress: ProgressUseCases;
  /** Resolved at request time (the modules are built in one go). */
  assessment: () => AssessmentUseCases;
  content: ContentUseCases;
};
