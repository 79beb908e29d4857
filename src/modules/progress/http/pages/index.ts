import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../../config.ts';
import type { Clock } from '../../../../shared/application/clock.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { AssessmentUseCases } from '../../../assessment/index.ts';
import type { ContentUseCases } from '../../../content/index.ts';
import type { ProgressUseCases } from '../../application/contract.ts';
import { articlePages } from './article-pages.tsx';
import { attemptPages } from './attempt-pages.tsx';
import { certificatePages } from './certificate-pages.tsx';
import { trackPages } from './track-pages.tsx';

export type LearningPagesDeps = PagesDeps & {
  config: Config;
  clock: Clock;
  progress: ProgressUseCases;
  /** Resolved at request time (the modules are built in one go). */
  assessment: () => AssessmentUseCases;
  content: ContentUseCases;
};

/** The student's pages: dashboard, track progress, articles, attempts, certificates. */
export async function learningPages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  await articlePages(app, deps);
  await attemptPages(app, deps);
  await trackPages(app, deps);
  await certificatePages(app, deps);
}
