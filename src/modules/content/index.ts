import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { AuditTrail } from '../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { FileUploads } from '../files/index.ts';
import { normalizeQuestionDraft, type TrackDirectory, validateQuestionDraft } from '../questions/index.ts';
import type { ContentUseCases } from './application/contract.ts';
import type { MinitestRules } from './application/ports.ts';
import { createContentUseCases } from './application/use-cases.ts';
import { contentPages } from './http/pages/index.ts';
import { contentRoutes } from './http/routes.ts';
import { createContentReads } from './infrastructure/content.reads.ts';
import { createContentUnitOfWork } from './infrastructure/content-unit-of-work.ts';
import { renderArticleMarkdown } from './infrastructure/markdown-renderer.ts';

export type * from './application/contract.ts';

export type ContentModule = AppModule & { useCases: ContentUseCases };

/** A mini-test question obeys the question bank's own rules. */
const minitestRules: MinitestRules = (question, track) =>
  validateQuestionDraft(normalizeQuestionDraft({ ...question, name: null }), track);

/** Articles, tags, mini-tests, the public blog and its search. */
export function createContentModule(deps: {
  config: Config;
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  /** The catalog's tracks, on the pool or in a content transaction. */
  tracksFor: (executor: Db) => TrackDirectory;
  /** Article images go through the files module. */
  uploads: FileUploads;
}): ContentModule {
  const useCases = createContentUseCases({
    uow: createContentUnitOfWork(deps.db, deps.auditTrail, deps.tracksFor),
    reads: createContentReads(deps.db),
    render: renderArticleMarkdown,
    minitestRules,
    newId: () => uuidV7(deps.clock.now().getTime()),
  });
  return {
    useCases,
    routes: (app: FastifyInstance) => contentRoutes(app, { useCases, clock: deps.clock }),
    pages: (app: FastifyInstance, pagesDeps: PagesDeps) =>
      contentPages(app, {
        ...pagesDeps,
        config: deps.config,
        clock: deps.clock,
        useCases,
        tracks: deps.tracksFor(deps.db),
        uploads: deps.uploads,
      }),
  };
}
export { createArticleDirectory } from './infrastructure/article-directory.ts';
