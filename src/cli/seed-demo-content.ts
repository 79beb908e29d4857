import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogActor, CatalogUseCases } from '../modules/catalog/index.ts';
import type {
  ArticleLocale,
  ArticleVisibility,
  ContentActor,
  ContentUseCases,
  MinitestQuestionDraft,
} from '../modules/content/index.ts';

/**
 * One article of `data/demo/articles.json` (study material linked to a demo track) or
 * `data/demo/blog.json` (public posts linked to nothing). Links name things the way the demo
 * files do: the track by slug, the stage by its position (1-based), the module by slug.
 */
export type DemoArticle = Readonly<{
  slug: string;
  title: string;
  summary: string;
  locale: ArticleLocale;
  tags: readonly string[];
  visibility: ArticleVisibility;
  track: string | null;
  stage: number | null;
  module: string | null;
  position: number | null;
  body: string;
  minitest: readonly MinitestQuestionDraft[];
}>;

export type ContentSeedDeps = Readonly<{
  content: ContentUseCases;
  catalog: CatalogUseCases;
  actor: CatalogActor & ContentActor;
  /** Finds a track by its exact slug. */
  trackBySlug: (slug: string) => Promise<{ id: string } | undefined>;
  now: () => Date;
  say: (line: string) => void;
}>;

export function readDemoArticles(directory: string, fileName: string): DemoArticle[] {
  return JSON.parse(readFileSync(path.join(directory, fileName), 'utf8')) as DemoArticle[];
}

type Links = Readonly<{ trackId: string | null; stageId: string | null; moduleId: string | null }>;

const PAGE = 100;

/** Every article's slug, drafts included, so nothing is created twice. */
async function existingSlugs(deps: ContentSeedDeps): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.content.listForStaff({ actor: deps.actor, limit: PAGE, offset });
    for (const item of page.items) slugs.add(item.slug);
    if (page.items.length === 0 || offset + PAGE >= page.total) return slugs;
  }
}

/** Maps the demo's track slug, stage position and module slug to catalog ids (one read per track). */
function linkResolver(deps: ContentSeedDeps): (article: DemoArticle) => Promise<Links> {
  const tracks = new Map<string, Awaited<ReturnType<CatalogUseCases['getTrack']>>>();
  return async (article) => {
    if (article.track === null) return { trackId: null, stageId: null, moduleId: null };
    let track = tracks.get(article.track);
    if (!track) {
      const found = await deps.trackBySlug(article.track);
      if (!found) throw new Error(`${article.slug}: the track ${article.track} does not exist; seed the tracks first`);
      track = await deps.catalog.getTrack({ actor: deps.actor, trackId: found.id });
      tracks.set(article.track, track);
    }
    const stage = article.stage === null ? null : track.stages.find((s) => s.position === article.stage);
    const module = article.module === null ? null : track.modules.find((m) => m.slug === article.module);
    if (stage === undefined) throw new Error(`${article.slug}: ${article.track} has no stage ${article.stage}`);
    if (module === undefined) throw new Error(`${article.slug}: ${article.track} has no module ${article.module}`);
    return { trackId: track.id, stageId: stage?.id ?? null, moduleId: module?.id ?? null };
  };
}

/**
 * Creates and publishes every demo article whose slug is not taken yet, with its mini-test —
 * written before publishing, so a published demo article always has its questions. Articles
 * that already exist (the demo's, or an admin's with the same slug) are left as they are.
 */
export async function seedDemoArticles(
  deps: ContentSeedDeps,
  articles: readonly DemoArticle[],
  label: string,
): Promise<void> {
  const { content, actor, now } = deps;
  const taken = await existingSlugs(deps);
  const resolve = linkResolver(deps);
  let created = 0;
  for (const article of articles) {
    if (taken.has(article.slug)) continue;
    const links = await resolve(article);
    const draft = await content.create({
      actor,
      origin: null,
      now: now(),
      draft: {
        title: article.title,
        slug: article.slug,
        summary: article.summary,
        body: article.body,
        locale: article.locale,
        tags: article.tags,
        visibility: article.visibility,
        ...links,
        position: article.position,
      },
    });
    if (article.minitest.length > 0) {
      await content.replaceMinitest({ actor, origin: null, now: now(), id: draft.id, questions: article.minitest });
    }
    await content.publish({ actor, origin: null, now: now(), id: draft.id });
    created += 1;
  }
  const kept = articles.length - created;
  const parts = [
    ...(created > 0 ? [`${created} published`] : []),
    ...(kept > 0 ? [`${kept} already there, left as they are`] : []),
  ];
  deps.say(`${label}: ${parts.join(', ')}`);
}
