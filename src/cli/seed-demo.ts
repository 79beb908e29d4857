import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogActor, CatalogUseCases } from '../modules/catalog/index.ts';
import type { QuestionsUseCases } from '../modules/questions/index.ts';

/** `data/demo/tracks.json`: the demo tracks, each with its GIFT question file beside it. */
export type DemoTrack = {
  slug: string;
  title: string;
  description: string;
  stages: { title: string; description: string }[];
  modules: { slug: string; title: string; description: string }[];
  questionsFile: string;
};

export type SeedDeps = {
  catalog: CatalogUseCases;
  questions: QuestionsUseCases;
  actor: CatalogActor;
  /** Finds a track by its exact slug. */
  trackBySlug: (slug: string) => Promise<{ id: string } | undefined>;
  now: () => Date;
  say: (line: string) => void;
};

export function readDemoTracks(directory: string): DemoTrack[] {
  const parsed = JSON.parse(readFileSync(path.join(directory, 'tracks.json'), 'utf8')) as { tracks: DemoTrack[] };
  return parsed.tracks;
}

/**
 * Brings a demo track to a published state, doing only what is missing — so running it again
 * changes nothing, and a run cut short is finished by the next one. A track an admin has
 * changed is left as it is where its stages, modules or questions already exist.
 */
export async function seedDemoTrack(deps: SeedDeps, demo: DemoTrack, directory: string): Promise<void> {
  const { catalog, actor, now, say } = deps;
  const existing = await deps.trackBySlug(demo.slug);
  const trackId =
    existing?.id ??
    (
      await catalog.createTrack({
        actor,
        slug: demo.slug,
        title: demo.title,
        description: demo.description,
        now: now(),
      })
    ).id;
  let track = await catalog.getTrack({ actor, trackId });
  if (track.status === 'published') {
    say(`${demo.slug}: already published, left as it is`);
    return;
  }

  for (const stage of demo.stages.slice(track.stages.length)) {
    await catalog.addStage({ actor, trackId, title: stage.title, description: stage.description, now: now() });
  }
  const moduleSlugs = new Set(track.modules.map((module) => module.slug));
  for (const module of demo.modules.filter((candidate) => !moduleSlugs.has(candidate.slug))) {
    await catalog.addModule({ actor, trackId, ...module, now: now() });
  }

  const bank = await deps.questions.listQuestions({ actor, filter: { trackId, limit: 1, offset: 0 } });
  if (bank.total === 0) {
    const report = await deps.questions.importQuestions({
      actor,
      trackId,
      format: 'gift',
      content: readFileSync(path.join(directory, demo.questionsFile), 'utf8'),
      fileName: demo.questionsFile,
      dryRun: false,
      partial: false,
      origin: null,
      now: now(),
    });
    if (!report.stored) {
      const lines = report.rejected.map((rejection) => `line ${rejection.line}: ${rejection.reason.code}`).join('; ');
      throw new Error(`${demo.questionsFile} has rejected questions (${lines})`);
    }
    say(`${demo.slug}: ${report.imported} questions imported`);
  }

  const history = await catalog.listSettingsVersions({ actor, trackId });
  const latest =
    history.versions[0]?.version ??
    (await catalog.createSettingsVersion({ actor, trackId, params: {}, note: 'Demo: the defaults', now: now() }))
      .version;
  track = await catalog.getTrack({ actor, trackId });
  if (track.currentSettingsVersion === null) {
    await catalog.activateSettingsVersion({ actor, trackId, version: latest, now: now() });
  }
  await catalog.updateTrack({ actor, trackId, status: 'published', now: now() });
  say(`${demo.slug}: published with ${demo.stages.length} stages and ${demo.modules.length} modules`);
}
