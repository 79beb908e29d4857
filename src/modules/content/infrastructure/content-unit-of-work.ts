import type { AuditTrail } from '../../../shared/infrastructure/audit-trail.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { TrackDirectory } from '../../questions/index.ts';
import type { ContentTracks, ContentUnitOfWork } from '../application/ports.ts';
import { createArticleRepository } from './article.repository.ts';

function contentTracks(directory: TrackDirectory): ContentTracks {
  return {
    async places(trackId) {
      const outline = await directory.outline(trackId);
      return outline && outline.id === trackId ? outline : undefined;
    },
    holdTrack: (trackId) => directory.holdTrack(trackId),
  };
}

/** One transaction per run with the content module's repositories; audit events reach the log after the commit. */
export function createContentUnitOfWork(
  db: Db,
  auditTrail: AuditTrail,
  tracksFor: (executor: Db) => TrackDirectory,
): ContentUnitOfWork {
  return {
    async run(work) {
      const audit = auditTrail.begin();
      const result = await db.transaction().execute((tx) =>
        work({
          articles: createArticleRepository(tx),
          tracks: contentTracks(tracksFor(tx)),
          audit: audit.bind(tx),
        }),
      );
      audit.committed();
      return result;
    },
  };
}
