import type { StartAttemptRequest } from '../../assessment/index.ts';
import { standingsOf, TrackWithoutSettingsError, type TrackOutline } from './journey.ts';
import type { EnrollmentRecord, ProgressRepositories } from './ports.ts';

/**
 * What assessment needs to start an attempt: the given settings version (a stage's pinned one)
 * or the track's current one, mastery of every module, the enrollment's extra time.
 */
export async function startRequest(
  repositories: ProgressRepositories,
  enrollment: EnrollmentRecord,
  track: TrackOutline,
  scope: StartAttemptRequest['scope'],
  settingsVersion: number | undefined,
  now: Date,
): Promise<StartAttemptRequest> {
  const settings = await repositories.tracks.settings(track.id, settingsVersion);
  if (!settings) throw new TrackWithoutSettingsError(track.id);
  const counts = await repositories.mastery.forTrack(enrollment.userId, track.id);
  return {
    userId: enrollment.userId,
    scope,
    settingsVersion: settings.version,
    settings: settings.params,
    mastery: standingsOf(track.modules, counts).map(({ moduleId, position, mastery }) => ({
      moduleId,
      position,
      mastery,
    })),
    extraTimePercent: enrollment.extraTimePercent,
    now,
  };
}
