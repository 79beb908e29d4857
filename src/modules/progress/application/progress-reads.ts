import type { ProgressReads } from './contract.ts';
import type { ProgressDeps } from './ports.ts';
import { moduleMasteries, openStageOf, weakModuleCount } from './summaries.ts';
import { enrollmentView } from './views.ts';

/** The approvals dossier's view of a student's progress (on the pool or a transaction). */
export function createProgressReads(deps: Pick<ProgressDeps, 'reads' | 'tracks'>): ProgressReads {
  return {
    async mastery(userId, trackId) {
      const track = await deps.tracks.outline(trackId);
      if (!track) return [];
      const open = openStageOf(await deps.reads.stagesOf(userId, trackId));
      const counts = await deps.reads.mastery(userId, trackId);
      return moduleMasteries(track, counts, await weakModuleCount(deps, trackId, open));
    },
    assignments: (userId, trackId, stageId) => deps.reads.assignments(userId, trackId, stageId),
    async enrollment(userId, trackId) {
      const [record, track] = await Promise.all([deps.reads.enrollment(userId, trackId), deps.tracks.outline(trackId)]);
      return record && track ? enrollmentView(record, track) : undefined;
    },
  };
}
