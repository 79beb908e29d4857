import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/shared/infrastructure/db/database.ts';

export type TestTrack = {
  id: string;
  slug: string;
  title: string;
  stages: { id: string; position: number; title: string }[];
  modules: { id: string; slug: string; title: string; position: number }[];
};

/**
 * A draft track with its stages and modules, inserted directly (the catalog's own API is built
 * elsewhere): `modules` are `[slug, title]` pairs, stages are numbered 1..`stages`.
 */
export async function insertTrack(
  db: Db,
  options: { slug: string; title?: string; stages?: number; modules: readonly (readonly [string, string])[] },
): Promise<TestTrack> {
  const now = new Date();
  const track = { id: randomUUID(), slug: options.slug, title: options.title ?? `Track ${options.slug}` };
  await db
    .insertInto('tracks')
    .values({ ...track, description: '', status: 'draft', createdAt: now, updatedAt: now })
    .execute();
  const stages = Array.from({ length: options.stages ?? 0 }, (_, i) => ({
    id: randomUUID(),
    position: i + 1,
    title: `Stage ${i + 1}`,
  }));
  if (stages.length > 0) {
    await db
      .insertInto('stages')
      .values(stages.map((stage) => ({ ...stage, trackId: track.id, description: '', createdAt: now, updatedAt: now })))
      .execute();
  }
  const modules = options.modules.map(([slug, title], i) => ({ id: randomUUID(), slug, title, position: i + 1 }));
  if (modules.length > 0) {
    await db
      .insertInto('modules')
      .values(
        modules.map((module) => ({ ...module, trackId: track.id, description: '', createdAt: now, updatedAt: now })),
      )
      .execute();
  }
  return { ...track, stages, modules };
}

/** Marks a question used, as the assessment module will when an attempt gets it. */
export async function markUsed(db: Db, id: string, at = new Date()): Promise<void> {
  await db.updateTable('questions').set({ usedAt: at }).where('id', '=', id).execute();
}
