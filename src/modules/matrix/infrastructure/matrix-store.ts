import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type {
  ItemFilter,
  ItemView,
  MatrixReads,
  MatrixStore,
  ModuleCatalog,
  OrderedKind,
} from '../application/ports.ts';
import type { TrackDirectory } from '../../questions/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

const ORDERED = {
  sheet: { table: 'matrix_sheets', parent: null },
  grade: { table: 'matrix_grades', parent: 'sheet_id' },
  section: { table: 'matrix_sections', parent: 'sheet_id' },
  subsection: { table: 'matrix_subsections', parent: 'section_id' },
  item: { table: 'matrix_items', parent: 'subsection_id' },
} as const;

/** The matrix's rows in one transaction. */
export function createMatrixStore(tx: Tx): MatrixStore {
  const byId = <T>(promise: Promise<T | undefined>) => promise;
  const store: MatrixStore = {
    sheets: () =>
      tx
        .selectFrom('matrixSheets')
        .select(['id', 'slug', 'title', 'description', 'position'])
        .orderBy('position')
        .execute(),
    sheet: (id) =>
      isUuid(id)
        ? byId(
            tx
              .selectFrom('matrixSheets')
              .select(['id', 'slug', 'title', 'description', 'position'])
              .where('id', '=', id)
              .executeTakeFirst(),
          )
        : Promise.resolve(undefined),
    sheetBySlug: (slug) =>
      tx
        .selectFrom('matrixSheets')
        .select(['id', 'slug', 'title', 'description', 'position'])
        .where('slug', '=', slug)
        .executeTakeFirst(),
    grades: (sheetId) =>
      tx.selectFrom('matrixGrades').selectAll().where('sheetId', '=', sheetId).orderBy('position').execute(),
    grade: (id) =>
      isUuid(id)
        ? tx.selectFrom('matrixGrades').selectAll().where('id', '=', id).executeTakeFirst()
        : Promise.resolve(undefined),
    sections: (sheetId) =>
      tx.selectFrom('matrixSections').selectAll().where('sheetId', '=', sheetId).orderBy('position').execute(),
    section: (id) =>
      isUuid(id)
        ? tx.selectFrom('matrixSections').selectAll().where('id', '=', id).executeTakeFirst()
        : Promise.resolve(undefined),
    subsections: (sheetId) =>
      tx
        .selectFrom('matrixSubsections')
        .innerJoin('matrixSections', 'matrixSections.id', 'matrixSubsections.sectionId')
        .selectAll('matrixSubsections')
        .where('matrixSubsections.sheetId', '=', sheetId)
        .orderBy('matrixSections.position')
        .orderBy('matrixSubsections.position')
        .execute(),
    subsection: (id) =>
      isUuid(id)
        ? tx.selectFrom('matrixSubsections').selectAll().where('id', '=', id).executeTakeFirst()
        : Promise.resolve(undefined),
    item: async (id) => {
      if (!isUuid(id)) return undefined;
      const row = await tx
        .selectFrom('matrixItems')
        .select([
          'id',
          'sheetId',
          'subsectionId',
          'gradeId',
          'question',
          'answer',
          'answerHtml',
          'resources',
          'status',
          'moduleId',
          'position',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
      return row;
    },
    async insertSheet(row, now) {
      await tx
        .insertInto('matrixSheets')
        .values({ ...row, createdAt: now, updatedAt: now })
        .execute();
    },
    async updateSheet(id, fields, now) {
      await tx
        .updateTable('matrixSheets')
        .set({ ...fields, updatedAt: now })
        .where('id', '=', id)
        .execute();
    },
    async insertGrade(row) {
      await tx.insertInto('matrixGrades').values(row).execute();
    },
    async updateGrade(id, fields) {
      if (Object.keys(fields).length > 0)
        await tx.updateTable('matrixGrades').set(fields).where('id', '=', id).execute();
    },
    async insertSection(row) {
      await tx.insertInto('matrixSections').values(row).execute();
    },
    async updateSection(id, fields) {
      if (Object.keys(fields).length > 0)
        await tx.updateTable('matrixSections').set(fields).where('id', '=', id).execute();
    },
    async insertSubsection(row) {
      await tx.insertInto('matrixSubsections').values(row).execute();
    },
    async updateSubsection(id, fields) {
      if (Object.keys(fields).length > 0)
        await tx.updateTable('matrixSubsections').set(fields).where('id', '=', id).execute();
    },
    async insertItem(row, now) {
      await tx
        .insertInto('matrixItems')
        .values({ ...row, resources: JSON.stringify(row.resources), createdAt: now, updatedAt: now })
        .execute();
    },
    async updateItem(id, fields, now) {
      const { resources, ...rest } = fields;
      await tx
        .updateTable('matrixItems')
        .set({ ...rest, ...(resources === undefined ? {} : { resources: JSON.stringify(resources) }), updatedAt: now })
        .where('id', '=', id)
        .execute();
    },
    async remove(kind, id) {
      const { table, parent } = ORDERED[kind];
      const row = await sql<{ parent: string | null }>`
        DELETE FROM ${sql.table(table)} WHERE id = ${id}
        RETURNING ${parent === null ? sql`NULL::uuid` : sql.ref(parent)} AS parent
      `.execute(tx);
      const deleted = row.rows[0];
      if (!deleted) return;
      const ids = await store.siblings(kind, deleted.parent ?? '');
      await store.setOrder(kind, ids);
    },
    async siblings(kind, parentId) {
      const { table, parent } = ORDERED[kind];
      const result = await sql<{ id: string }>`
        SELECT id FROM ${sql.table(table)}
        ${parent === null ? sql`` : sql`WHERE ${sql.ref(parent)} = ${parentId}`}
        ORDER BY position
      `.execute(tx);
      return result.rows.map((row) => row.id);
    },
    async setOrder(kind, ids) {
      if (ids.length === 0) return;
      const { table } = ORDERED[kind];
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
      await sql`
        UPDATE ${sql.table(table)} AS t SET position = o.position::integer
        FROM unnest(${sql.val(ids)}::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE t.id = o.id AND t.position <> o.position::integer
      `.execute(tx);
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx);
    },
    async countItems(where) {
      let query = tx.selectFrom('matrixItems').select((eb) => eb.fn.countAll<string>().as('count'));
      if (where.gradeId) query = query.where('gradeId', '=', where.gradeId);
      if (where.subsectionId) query = query.where('subsectionId', '=', where.subsectionId);
      if (where.sectionId) {
        const sectionId = where.sectionId;
        query = query.where('subsectionId', 'in', (eb) =>
          eb.selectFrom('matrixSubsections').select('id').where('sectionId', '=', sectionId),
        );
      }
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async lockSheet(id) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`matrix:${id}`}))`.execute(tx);
    },
    async slugTaken(slug, exceptId) {
      let query = tx.selectFrom('matrixSheets').select('id').where('slug', '=', slug);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },
    async gradeTaken(sheetId, slug, title, exceptId) {
      let query = tx
        .selectFrom('matrixGrades')
        .select('id')
        .where('sheetId', '=', sheetId)
        .where((eb) => eb.or([eb('slug', '=', slug), eb(sql`lower(title)`, '=', title.toLowerCase())]));
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },
    async moduleExists(id) {
      if (!isUuid(id)) return false;
      return (await tx.selectFrom('modules').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },
  };
  return store;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Item lists with their sheet, section path, grade and catalog module. */
export function createMatrixReads(db: Db): MatrixReads {
  const base = () =>
    db
      .selectFrom('matrixItems as i')
      .innerJoin('matrixSheets as sh', 'sh.id', 'i.sheetId')
      .innerJoin('matrixSubsections as ss', 'ss.id', 'i.subsectionId')
      .innerJoin('matrixSections as s', 's.id', 'ss.sectionId')
      .innerJoin('matrixGrades as g', 'g.id', 'i.gradeId')
      .leftJoin('modules as m', 'm.id', 'i.moduleId')
      .leftJoin('tracks as t', 't.id', 'm.trackId')
      .select([
        'i.id',
        'i.sheetId',
        'i.subsectionId',
        'i.gradeId',
        'i.question',
        'i.answer',
        'i.answerHtml',
        'i.resources',
        'i.status',
        'i.moduleId',
        'i.position',
        'sh.slug as sheetSlug',
        'sh.title as sheetTitle',
        's.id as sectionId',
        's.title as sectionTitle',
        's.position as sectionPosition',
        'ss.title as subsectionTitle',
        'ss.position as subsectionPosition',
        'g.slug as gradeSlug',
        'g.title as gradeTitle',
        'g.position as gradePosition',
        'm.slug as moduleSlug',
        'm.title as moduleTitle',
        't.slug as trackSlug',
        't.title as trackTitle',
      ]);
  type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const view = (row: Raw): ItemView => {
    const { moduleSlug, moduleTitle, trackSlug, trackTitle, ...rest } = row;
    return {
      ...(rest as unknown as Omit<ItemView, 'module'>),
      resources: row.resources,
      module:
        row.moduleId && moduleSlug && moduleTitle && trackSlug && trackTitle
          ? { id: row.moduleId, slug: moduleSlug, title: moduleTitle, trackSlug, trackTitle }
          : null,
    };
  };
  const ordered = <Q extends ReturnType<typeof base>>(query: Q) =>
    query.orderBy('sh.position').orderBy('s.position').orderBy('ss.position').orderBy('i.position');
  return {
    async items(filter: ItemFilter) {
      let query = base();
      if (filter.sheetId) query = query.where('i.sheetId', '=', filter.sheetId);
      if (filter.sectionId) query = query.where('s.id', '=', filter.sectionId);
      if (filter.subsectionId) query = query.where('i.subsectionId', '=', filter.subsectionId);
      if (filter.gradeId) query = query.where('i.gradeId', '=', filter.gradeId);
      if (filter.status) query = query.where('i.status', '=', filter.status);
      const q = filter.q?.trim();
      if (q) query = query.where(sql<boolean>`(i.question || ' ' || i.answer) ILIKE ${`%${escapeLike(q)}%`}`);
      const countRow = await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await ordered(query).limit(filter.limit).offset(filter.offset).execute();
      return { items: rows.map(view), total: Number(countRow.count) };
    },
    async itemView(id) {
      if (!isUuid(id)) return undefined;
      const row = await base().where('i.id', '=', id).executeTakeFirst();
      return row ? view(row) : undefined;
    },
    async sheetItems(sheetId) {
      const rows = await ordered(base().where('i.sheetId', '=', sheetId)).execute();
      return rows.map(view);
    },
  };
}

/** The catalog's modules through its track directory. */
export function createModuleCatalog(directory: TrackDirectory): ModuleCatalog {
  return {
    async modules() {
      const tracks = await directory.list();
      const result = [];
      for (const track of tracks) {
        const outline = await directory.outline(track.id);
        for (const module of outline?.modules ?? []) {
          result.push({
            id: module.id,
            slug: module.slug,
            title: module.title,
            trackSlug: track.slug,
            trackTitle: track.title,
          });
        }
      }
      return result;
    },
  };
}

export type { OrderedKind };
