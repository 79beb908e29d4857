import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Database } from '../../../shared/infrastructure/db/schema.ts';
import type { CatalogReads } from '../application/reads.ts';
import { isStorableText, isUuid, isVersionNumber } from './uuid.ts';
import { containsPattern } from '../../../shared/infrastructure/db/like-pattern.ts';

type TrackRow = ExpressionBuilder<Database, 'tracks'>;

const stageCount = (eb: TrackRow) =>
  eb
    .selectFrom('stages')
    .select((sub) => sub.fn.countAll<string>().as('n'))
    .whereRef('stages.trackId', '=', 'tracks.id')
    .as('stageCount');
const moduleCount = (eb: TrackRow) =>
  eb
    .selectFrom('modules')
    .select((sub) => sub.fn.countAll<string>().as('n'))
    .whereRef('modules.trackId', '=', 'tracks.id')
    .as('moduleCount');
const CARD_COLUMNS = ['tracks.id', 'tracks.slug', 'tracks.title', 'tracks.description'] as const;

export function createCatalogReads(db: Db) {
  const stagesOf = (trackId: string) =>
    db
      .selectFrom('stages')
      .select(['id', 'position', 'title', 'description'])
      .where('trackId', '=', trackId)
      .orderBy('position')
      .execute();
  const modulesOf = (trackId: string) =>
    db
      .selectFrom('modules')
      .select(['id', 'slug', 'position', 'title', 'description'])
      .where('trackId', '=', trackId)
      .orderBy('position')
      .execute();
  const counted = <T extends { stageCount: string | null; moduleCount: string | null }>(row: T) => ({
    ...row,
    stageCount: Number(row.stageCount ?? 0),
    moduleCount: Number(row.moduleCount ?? 0),
  });

  return {
    async publishedTracks({ limit, offset }) {
      const published = db.selectFrom('tracks').where('status', '=', 'published');
      const [rows, count] = await Promise.all([
        published
          .select([...CARD_COLUMNS, stageCount, moduleCount])
          .orderBy('title')
          .orderBy('id')
          .limit(limit)
          .offset(offset)
          .execute(),
        published.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(counted), total: Number(count.total) };
    },
    async publishedTrack(slug) {
      if (!isStorableText(slug)) return undefined;
      const track = await db
        .selectFrom('tracks')
        .select(CARD_COLUMNS)
        .where('slug', '=', slug)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (!track) return undefined;
      const [stages, modules] = await Promise.all([stagesOf(track.id), modulesOf(track.id)]);
      return { ...track, stages, modules };
    },
    async tracks(filter) {
      if (filter.q !== undefined && !isStorableText(filter.q)) return { items: [], total: 0 };
      let query = db.selectFrom('tracks');
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        query = query.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('slug', 'ilike', pattern)]));
      }
      const [rows, count] = await Promise.all([
        query
          .select([...CARD_COLUMNS, 'status', 'currentSettingsVersion', 'updatedAt', stageCount, moduleCount])
          .orderBy(sql`lower(title)`)
          .orderBy('id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(counted), total: Number(count.total) };
    },
    async track(id) {
      if (!isUuid(id)) return undefined;
      const track = await db
        .selectFrom('tracks')
        .select([
          ...CARD_COLUMNS,
          'status',
          'currentSettingsVersion',
          'publishedAt',
          'tracks.createdAt',
          'tracks.updatedAt',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!track) return undefined;
      const [stages, modules] = await Promise.all([stagesOf(track.id), modulesOf(track.id)]);
      return { ...track, stages, modules };
    },
    async settingsVersions(trackId) {
      const rows = await versions(db)
        .where('settingsVersions.trackId', '=', trackId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersionView);
    },
    async settingsVersion(trackId, version) {
      if (!isVersionNumber(version)) return undefined;
      const row = await versions(db)
        .where('settingsVersions.trackId', '=', trackId)
        .where('settingsVersions.version', '=', version)
        .executeTakeFirst();
      return row ? toVersionView(row) : undefined;
    },
  } satisfies CatalogReads;
}

const versions = (db: Db) =>
  db
    .selectFrom('settingsVersions')
    .leftJoin('users', 'users.id', 'settingsVersions.createdBy')
    .select([
      'settingsVersions.version',
      'settingsVersions.params',
      'settingsVersions.note',
      'settingsVersions.createdAt',
      'users.id as creatorId',
      'users.displayName as creatorName',
    ]);

function toVersionView(row: {
  version: number;
  params: unknown;
  note: string;
  createdAt: Date;
  creatorId: string | null;
  creatorName: string | null;
}) {
  const { creatorId, creatorName, ...version } = row;
  return { ...version, createdBy: creatorId ? { id: creatorId, displayName: creatorName ?? '' } : null };
}
