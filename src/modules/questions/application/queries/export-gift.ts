import { assertCanManageQuestions } from '../../domain/access.ts';
import { QuestionTrackNotFoundError } from '../../domain/errors.ts';
import { exportGift } from '../../domain/formats/gift-export.ts';
import type { QuestionActor } from '../contract.ts';
import type { QuestionsDeps } from '../deps.ts';

/**
 * The track's active questions as GIFT: each `$CATEGORY:` names the module by slug, with
 * `/stage-<position>` for a stage tier, which is what the import reads back.
 */
export function makeExportGift(deps: Pick<QuestionsDeps, 'reads' | 'tracks'>) {
  return async function exportTrackGift(input: {
    actor: QuestionActor;
    trackId: string;
  }): Promise<{ fileName: string; content: string }> {
    assertCanManageQuestions(input.actor);
    const track = await deps.tracks.outline(input.trackId);
    if (!track) throw new QuestionTrackNotFoundError(input.trackId);
    const modules = new Map(track.modules.map((module) => [module.id, module.slug]));
    const stages = new Map(track.stages.map((stage) => [stage.id, stage.position]));
    const questions = await deps.reads.activeOfTrack(track.id);
    const content = exportGift(
      questions.map((question) => {
        const stage = question.stageId === null ? undefined : stages.get(question.stageId);
        const module = modules.get(question.moduleId) ?? '';
        return {
          ...question,
          name: question.name ?? undefined,
          category: stage === undefined ? module : `${module}/stage-${stage}`,
        };
      }),
    );
    return { fileName: `${track.slug}-questions.gift`, content };
  };
}
