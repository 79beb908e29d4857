import type { JourneyDecision, JourneyDecisions } from './contract.ts';
import { activateStage } from './journey.ts';
import type { ProgressRepositories } from './ports.ts';

export class JourneyStateError extends Error {}

/**
 * Applies an approval decision to the journey, in the deciding transaction (approvals', or the
 * finishing one when approval is automatic).
 */
export function createJourneyDecisions(
  repositories: ProgressRepositories,
  newCertificateCode: () => string,
): JourneyDecisions {
  const { enrollments, stages, tracks } = repositories;

  async function approveTransition(decision: JourneyDecision): Promise<void> {
    const stageId = decision.stageId ?? '';
    const stage = await stages.lock(decision.userId, stageId);
    if (!stage || stage.status !== 'pending_approval') {
      throw new JourneyStateError(`stage ${stageId} of user ${decision.userId} is not waiting for approval`);
    }
    const enrollment = await enrollments.lockByUserAndTrack(decision.userId, decision.trackId);
    const track = await tracks.outline(decision.trackId);
    if (!enrollment || !track)
      throw new JourneyStateError(`no enrollment of ${decision.userId} in ${decision.trackId}`);
    await stages.markCompleted(decision.userId, stageId, decision.at);
    const position = track.stages.find((candidate) => candidate.id === stageId)?.position ?? Number.POSITIVE_INFINITY;
    const next = track.stages.find((candidate) => candidate.position > position);
    if (next) await activateStage(repositories, enrollment, track, next, decision.at);
    else await enrollments.markFinal(enrollment.id, decision.at);
  }

  async function graduate(decision: JourneyDecision): Promise<string> {
    const enrollment = await enrollments.lockByUserAndTrack(decision.userId, decision.trackId);
    if (!enrollment || enrollment.status !== 'final') {
      throw new JourneyStateError(`enrollment of ${decision.userId} in ${decision.trackId} is not in its final`);
    }
    const [track, holder] = await Promise.all([
      tracks.outline(decision.trackId),
      repositories.users.byId(decision.userId),
    ]);
    if (!track || !holder) throw new JourneyStateError(`track or student of ${enrollment.id} is gone`);
    await enrollments.markGraduated(enrollment.id, decision.at);
    const code = newCertificateCode();
    await repositories.certificates.insert({
      code,
      enrollmentId: enrollment.id,
      userId: decision.userId,
      trackId: decision.trackId,
      holderName: holder.displayName,
      trackTitle: track.title,
      issuedAt: decision.at,
    });
    await repositories.outbox.add({
      type: 'enrollment.graduated',
      payload: { userId: decision.userId, trackId: decision.trackId, certificateCode: code },
    });
    return code;
  }

  return {
    async approved(decision) {
      if (decision.kind === 'graduation') return { certificateCode: await graduate(decision) };
      await approveTransition(decision);
      return { certificateCode: null };
    },
    async rejected(decision) {
      // A rejected graduation leaves the enrollment in its final: the student may try again.
      if (decision.kind !== 'stage_transition' || !decision.stageId) return;
      const stage = await stages.lock(decision.userId, decision.stageId);
      if (stage?.status === 'pending_approval') await stages.reopen(decision.userId, decision.stageId, decision.at);
    },
  };
}
