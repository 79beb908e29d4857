import { planAssignments } from '../domain/assignment-plan.ts';
import { masteryOf, weakModuleIds } from '../domain/mastery.ts';
import type { EnrollmentRecord, MasteryCountsRow, ProgressRepositories } from './ports.ts';

/**
 * The journey's shared steps, inside whichever transaction moves it on (assessment's finish,
 * approvals' decision): a stage becoming active with its assignments.
 */
export type TrackOutline = NonNullable<Awaited<ReturnType<ProgressRepositories['tracks']['outline']>>>;

export class TrackWithoutSettingsError extends Error {
  constructor(trackId: string) {
    super(`track ${trackId} has no current settings version`);
  }
}

/** Mastery of every module of the track (0.5 with no data), in module order. */
export function standingsOf(modules: TrackOutline['modules'], counts: readonly MasteryCountsRow[]) {
  const byModule = new Map(counts.map((row) => [row.moduleId, row]));
  return modules.map((module) => {
    const row = byModule.get(module.id);
    return {
      id: module.id,
      moduleId: module.id,
      position: module.position,
      mastery: masteryOf({ answered: row?.answered ?? 0, correct: row?.correct ?? 0 }),
    };
  });
}

/**
 * Starts the stage pinned to the track's current settings version and assigns its articles:
 * the core ones, and remedial ones for the K weakest modules (mastery as of now).
 */
export async function activateStage(
  repositories: ProgressRepositories,
  enrollment: EnrollmentRecord,
  track: TrackOutline,
  stage: TrackOutline['stages'][number],
  now: Date,
): Promise<void> {
  const { tracks, stages, mastery, articles, assignments } = repositories;
  const settings = await tracks.settings(track.id);
  if (!settings) throw new TrackWithoutSettingsError(track.id);
  await stages.start({
    userId: enrollment.userId,
    stageId: stage.id,
    enrollmentId: enrollment.id,
    trackId: track.id,
    settingsVersion: settings.version,
    now,
  });
  const standings = standingsOf(track.modules, await mastery.forTrack(enrollment.userId, track.id));
  const weakIds = weakModuleIds(standings, settings.params.adaptivity.weakModules);
  const masteryById = new Map(standings.map((standing) => [standing.id, standing.mastery]));
  const weakModules = weakIds.map((moduleId) => ({ moduleId, mastery: masteryById.get(moduleId) ?? 0.5 }));
  const remedialByModule = new Map(
    await Promise.all(
      weakIds.map(
        async (moduleId) => [moduleId, await articles.remedialArticles(track.id, moduleId, stage.position)] as const,
      ),
    ),
  );
  const plan = planAssignments({
    core: await articles.coreArticles(track.id, stage.id),
    weakModules,
    remedialByModule,
    extraPerWeakModule: settings.params.content.extraArticlesPerWeakModule,
    completedArticleIds: await assignments.completedArticleIds(enrollment.userId, track.id),
  });
  await assignments.insert(enrollment.userId, track.id, stage.id, plan, now);
}
