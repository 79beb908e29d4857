import type { FastifyInstance } from 'fastify';
import { articlePages } from './article-pages.tsx';
import { attemptPages } from './attempt-pages.tsx';
import { certificatePages } from './certificate-pages.tsx';
import type { LearningPagesDeps } from './deps.ts';
import { trackPages } from './track-pages.tsx';

export type { LearningPagesDeps };

/** The student's pages: dashboard, track progress, articles, attempts, certificates. */
export async function learningPages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  await articlePages(app, deps);
  await attemptPages(app, deps);
  await trackPages(app, deps);
  await certificatePages(app, deps);
}
