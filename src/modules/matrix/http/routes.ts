import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { contentDisposition } from '../../../shared/http/content-disposition.ts';
import { HttpProblemError } from '../../../shared/http/http-errors.ts';
import { isMessageKey } from '../../../shared/http/i18n/index.ts';
import type { MatrixUseCases } from '../application/use-cases.ts';
import { assertCanManageMatrix, type MatrixActor } from '../domain/rules.ts';
import { resolveFilter } from './filter.ts';
import {
  AdminItemDetail,
  AdminItemList,
  Created,
  detailJson,
  IdParams,
  ImportReport,
  ItemDetail,
  ItemList,
  ItemsQuery,
  NoContent,
  Position,
  Resource,
  SheetList,
  Slug,
  Status,
  summaryJson,
  Title,
} from './schemas.ts';

const publicTags = ['matrix'];
const tags = ['matrix admin'];
const security = [{ bearerAuth: [] }];
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export function optionalActor(request: FastifyRequest): MatrixActor | null {
  return request.user ? { id: request.user.id, role: request.user.role } : null;
}
function actor(request: FastifyRequest): MatrixActor {
  const user = currentUser(request);
  return { id: user.id, role: user.role };
}
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export function rejectionText(
  request: FastifyRequest,
  code: string,
  params: Readonly<Record<string, string | number>> = {},
) {
  const key = `errors.matrix.${code}`;
  return isMessageKey(key) ? request.t(key, params) : code;
}

const ItemBody = {
  question: Type.String({ maxLength: 100_000 }),
  answer: Type.String({ maxLength: 200_000, description: 'Markdown' }),
  resources: Type.Array(Resource, { maxItems: 200 }),
  status: Status,
  gradeId: Type.String({ format: 'uuid' }),
  moduleId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
};

/** The matrix JSON API: public reads and staff CRUD, import and export. */
export function matrixRoutes(useCases: MatrixUseCases) {
  return async (app: FastifyInstance) => {
    app.get(
      '/matrix/sheets',
      {
        config: { publicCache: true },
        schema: {
          tags: publicTags,
          summary: 'Sheets with their sections, subsections and grades',
          response: { 200: SheetList },
        },
      },
      async () => ({ sheets: await useCases.listSheets() }),
    );

    app.get(
      '/matrix/items',
      {
        config: { publicCache: true },
        schema: {
          tags: publicTags,
          summary: 'Published items, filtered by sheet, section, subsection, grade and text',
          querystring: ItemsQuery,
          response: { 200: ItemList },
        },
      },
      async (request) => {
        const query = request.query as Static<typeof ItemsQuery>;
        const filter = resolveFilter(await useCases.listSheets(), query);
        if (filter.none) return { items: [], total: 0, limit: query.limit, offset: query.offset };
        const result = await useCases.listItems({
          actor: optionalActor(request),
          filter: { ...filter, q: query.q, limit: query.limit, offset: query.offset },
        });
        return { items: result.items.map(summaryJson), total: result.total, limit: query.limit, offset: query.offset };
      },
    );

    app.get(
      '/matrix/items/:id',
      {
        config: { publicCache: true },
        schema: {
          tags: publicTags,
          summary: 'A published item with its rendered answer and resources (drafts only for staff)',
          params: IdParams,
          response: { 200: ItemDetail },
        },
      },
      async (request) => detailJson(await useCases.getItem({ actor: optionalActor(request), itemId: idOf(request) })),
    );

    await app.register(async (admin) => {
      admin.addHook('onSend', async (_request, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      await admin.register(fastifyMultipart, {
        limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
      });

      admin.post(
        '/admin/matrix/sheets',
        {
          schema: {
            tags,
            security,
            summary: 'Create a sheet (appended to the list)',
            body: Type.Object({
              slug: Slug,
              title: Title,
              description: Type.Optional(Type.String({ maxLength: 100_000 })),
            }),
            response: { 201: Created },
          },
        },
        async (request, reply) => {
          const body = request.body as { slug: string; title: string; description?: string };
          return reply.status(201).send(await useCases.createSheet({ actor: actor(request), ...body }));
        },
      );

      const patchDelete = (
        path: string,
        entity: string,
        body: ReturnType<typeof Type.Object>,
        update: (request: FastifyRequest) => Promise<void>,
        remove: (request: FastifyRequest) => Promise<void>,
      ) => {
        admin.patch(
          path,
          {
            schema: {
              tags,
              security,
              summary: `Edit a ${entity} or move it to another position (the rest shift)`,
              params: IdParams,
              body,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            await update(request);
            return reply.status(204).send();
          },
        );
        admin.delete(
          path,
          {
            schema: {
              tags,
              security,
              summary: `Delete a ${entity}${entity === 'grade' || entity === 'section' ? ' (409 with the count while items use it)' : ''}`,
              params: IdParams,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            await remove(request);
            return reply.status(204).send();
          },
        );
      };

      patchDelete(
        '/admin/matrix/sheets/:id',
        'sheet',
        Type.Object({
          slug: Type.Optional(Slug),
          title: Type.Optional(Title),
          description: Type.Optional(Type.String({ maxLength: 100_000 })),
          position: Type.Optional(Position),
        }),
        (request) =>
          useCases.updateSheet({ actor: actor(request), sheetId: idOf(request), ...(request.body as object) }),
        (request) => useCases.deleteSheet({ actor: actor(request), sheetId: idOf(request) }),
      );

      admin.post(
        '/admin/matrix/sheets/:id/grades',
        {
          schema: {
            tags,
            security,
            summary: 'Append a grade to a sheet',
            params: IdParams,
            body: Type.Object({ slug: Slug, title: Title }),
            response: { 201: Created },
          },
        },
        async (request, reply) => {
          const body = request.body as { slug: string; title: string };
          return reply
            .status(201)
            .send(await useCases.addGrade({ actor: actor(request), sheetId: idOf(request), ...body }));
        },
      );
      patchDelete(
        '/admin/matrix/grades/:id',
        'grade',
        Type.Object({ slug: Type.Optional(Slug), title: Type.Optional(Title), position: Type.Optional(Position) }),
        (request) =>
          useCases.updateGrade({ actor: actor(request), gradeId: idOf(request), ...(request.body as object) }),
        (request) => useCases.deleteGrade({ actor: actor(request), gradeId: idOf(request) }),
      );

      admin.post(
        '/admin/matrix/sheets/:id/sections',
        {
          schema: {
            tags,
            security,
            summary: 'Append a section to a sheet',
            params: IdParams,
            body: Type.Object({ title: Title }),
            response: { 201: Created },
          },
        },
        async (request, reply) => {
          const { title } = request.body as { title: string };
          return reply
            .status(201)
            .send(await useCases.addSection({ actor: actor(request), sheetId: idOf(request), title }));
        },
      );
      patchDelete(
        '/admin/matrix/sections/:id',
        'section',
        Type.Object({ title: Type.Optional(Title), position: Type.Optional(Position) }),
        (request) =>
          useCases.updateSection({ actor: actor(request), sectionId: idOf(request), ...(request.body as object) }),
        (request) => useCases.deleteSection({ actor: actor(request), sectionId: idOf(request) }),
      );

      admin.post(
        '/admin/matrix/sections/:id/subsections',
        {
          schema: {
            tags,
            security,
            summary: 'Append a subsection to a section',
            params: IdParams,
            body: Type.Object({ title: Title }),
            response: { 201: Created },
          },
        },
        async (request, reply) => {
          const { title } = request.body as { title: string };
          return reply
            .status(201)
            .send(await useCases.addSubsection({ actor: actor(request), sectionId: idOf(request), title }));
        },
      );
      patchDelete(
        '/admin/matrix/subsections/:id',
        'subsection',
        Type.Object({ title: Type.Optional(Title), position: Type.Optional(Position) }),
        (request) =>
          useCases.updateSubsection({
            actor: actor(request),
            subsectionId: idOf(request),
            ...(request.body as object),
          }),
        (request) => useCases.deleteSubsection({ actor: actor(request), subsectionId: idOf(request) }),
      );

      admin.post(
        '/admin/matrix/subsections/:id/items',
        {
          schema: {
            tags,
            security,
            summary: 'Append an item to a subsection (the grade must be of the same sheet)',
            params: IdParams,
            body: Type.Object({
              question: ItemBody.question,
              answer: ItemBody.answer,
              gradeId: ItemBody.gradeId,
              resources: Type.Optional(ItemBody.resources),
              status: Type.Optional(ItemBody.status),
              moduleId: Type.Optional(ItemBody.moduleId),
            }),
            response: { 201: Created },
          },
        },
        async (request, reply) => {
          const body = request.body as Parameters<MatrixUseCases['addItem']>[0];
          return reply
            .status(201)
            .send(await useCases.addItem({ ...body, actor: actor(request), subsectionId: idOf(request) }));
        },
      );

      admin.get(
        '/admin/matrix/items/:id',
        {
          schema: {
            tags,
            security,
            summary: 'An item, drafts included, with its Markdown',
            params: IdParams,
            response: { 200: AdminItemDetail },
          },
        },
        async (request) => {
          const who = actor(request);
          assertCanManageMatrix(who);
          const item = await useCases.getItem({ actor: who, itemId: idOf(request) });
          return { ...detailJson(item), answer: item.answer };
        },
      );
      patchDelete(
        '/admin/matrix/items/:id',
        'item',
        Type.Object({
          question: Type.Optional(ItemBody.question),
          answer: Type.Optional(ItemBody.answer),
          resources: Type.Optional(ItemBody.resources),
          status: Type.Optional(ItemBody.status),
          gradeId: Type.Optional(ItemBody.gradeId),
          moduleId: Type.Optional(ItemBody.moduleId),
          subsectionId: Type.Optional(Type.String({ format: 'uuid' })),
          position: Type.Optional(Position),
        }),
        (request) => useCases.updateItem({ actor: actor(request), itemId: idOf(request), ...(request.body as object) }),
        (request) => useCases.deleteItem({ actor: actor(request), itemId: idOf(request) }),
      );

      admin.get(
        '/admin/matrix/sheets/:id/items',
        {
          schema: {
            tags,
            security,
            summary: 'Every item of a sheet, drafts included',
            params: IdParams,
            response: { 200: AdminItemList },
          },
        },
        async (request) => {
          const items = await useCases.sheetItems({ actor: actor(request), sheetId: idOf(request) });
          return { items: items.map((item) => ({ ...detailJson(item), answer: item.answer })) };
        },
      );

      admin.post(
        '/admin/matrix/sheets/:id/import',
        {
          schema: {
            tags,
            security,
            summary: 'Append items from CSV (all or nothing, with a per-line report)',
            description:
              'Either JSON `{ csv: string, dryRun?: boolean }` or multipart/form-data with `file` (UTF-8, ≤ 2 MB) and `dryRun` ' +
              '(`true`|`false`). Header `section,subsection,grade,question,answer,resources,status,module`; see docs/matrix-csv.md.',
            params: IdParams,
            consumes: ['application/json', 'multipart/form-data'],
            response: { 200: ImportReport },
          },
        },
        async (request) => {
          const who = actor(request);
          assertCanManageMatrix(who); // before reading someone else's upload
          const { csv, dryRun } = await readImport(request);
          const report = await useCases.importSheetCsv({ actor: who, sheetId: idOf(request), csv, dryRun });
          return {
            ...report,
            dryRun,
            rejected: report.rejected.map((r) => ({
              line: r.line,
              code: r.code,
              message: rejectionText(request, r.code, r.params),
            })),
          };
        },
      );

      admin.get(
        '/admin/matrix/sheets/:id/export',
        {
          schema: {
            tags,
            security,
            summary: 'The sheet as a CSV file that imports back to the same items',
            params: IdParams,
            produces: ['text/csv'],
            response: { 200: { type: 'string', description: 'CSV, UTF-8' } },
          },
        },
        async (request, reply) => {
          const file = await useCases.exportSheetCsv({ actor: actor(request), sheetId: idOf(request) });
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', contentDisposition('attachment', file.fileName, 'matrix.csv'))
            .send(file.csv);
        },
      );
    });
  };
}

const FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  '1': true,
  on: true,
  false: false,
  '0': false,
  '': false,
};

function badBody(detail: string): HttpProblemError {
  return new HttpProblemError(
    { status: 400, code: 'malformed_body', detail: { key: 'errors.matrix.import_malformed' } },
    detail,
  );
}

/** The CSV text and the dry-run flag, from JSON or a multipart form. */
export async function readImport(request: FastifyRequest): Promise<{ csv: string; dryRun: boolean }> {
  if (request.isMultipart()) {
    let csv: string | undefined;
    let dryRun = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file' && csv === undefined) {
            try {
              csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            } catch {
              throw new HttpProblemError(
                { status: 422, code: 'unprocessable', detail: { key: 'errors.matrix.import_not_utf8' } },
                'the CSV file is not UTF-8',
              );
            }
          }
        } else if (part.fieldname === 'dryRun' && typeof part.value === 'string') {
          const flag = FLAGS[part.value.trim().toLowerCase()];
          if (flag === undefined) throw badBody('dryRun is not a flag');
          dryRun = flag;
        }
      }
    } catch (error) {
      if (error instanceof HttpProblemError) throw error;
      if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new HttpProblemError(
          {
            status: 413,
            code: 'payload_too_large',
            detail: { key: 'errors.matrix.import_too_large', params: { limit: MAX_IMPORT_BYTES } },
          },
          'the CSV file is too large',
        );
      }
      throw badBody(`malformed multipart form: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (csv === undefined) throw badBody('no file');
    return { csv: csv.replaceAll('\u0000', ''), dryRun };
  }
  const body = request.body as { csv?: unknown; dryRun?: unknown } | undefined;
  if (!body || typeof body !== 'object' || typeof body.csv !== 'string') throw badBody('`csv` is required');
  if (body.csv.length > MAX_IMPORT_BYTES) {
    throw new HttpProblemError(
      {
        status: 413,
        code: 'payload_too_large',
        detail: { key: 'errors.matrix.import_too_large', params: { limit: MAX_IMPORT_BYTES } },
      },
      'the CSV is too large',
    );
  }
  if (body.dryRun !== undefined && typeof body.dryRun !== 'boolean') throw badBody('dryRun must be a boolean');
  return { csv: body.csv.replaceAll('\u0000', ''), dryRun: body.dryRun === true };
}
