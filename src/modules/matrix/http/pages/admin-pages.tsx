import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../../../../shared/domain/errors.ts';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { contentDisposition } from '../../../../shared/http/content-disposition.ts';
import { type FormBody, formSchema } from '../../../../shared/http/page-forms.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import { problemSpecOf, toProblem } from '../../../../shared/http/problem.ts';
import type { ImportReportView, PageProblem } from './admin-types.ts';
import type { MatrixUseCases } from '../../application/use-cases.ts';
import { assertCanManageMatrix, type MatrixActor, parseResourceLines } from '../../domain/rules.ts';
import { InvalidMatrixInputError, MatrixNotFoundError } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES, rejectionText } from '../routes.ts';
import { AdminSheetPage, AdminSheetsPage, ItemEditPage } from './admin-views.tsx';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
type Deps = PagesDeps & { useCases: MatrixUseCases };

function staff(request: FastifyRequest): MatrixActor {
  const user = pageUser(request);
  const actor = { id: user.id, role: user.role };
  assertCanManageMatrix(actor);
  return actor;
}
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const text = (body: FormBody, name: string) => body[name] ?? '';
const optional = (body: FormBody, name: string) => (body[name] === undefined ? undefined : body[name]);

async function attempt(request: FastifyRequest, action: () => Promise<unknown>): Promise<PageProblem | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError) || (error.kind !== 'rule_violation' && error.kind !== 'conflict')) throw error;
    const spec = problemSpecOf(error, request);
    const problem = toProblem(spec, request);
    const details = (spec.errors ?? []).map((issue) => issue.message).join(' ');
    return { message: [problem.detail ?? problem.title, details].filter(Boolean).join(' '), status: spec.status };
  }
}

/** The staff editor: sheets, grades, sections, subsections and items; CSV import and export. */
export async function adminMatrixPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const { renderer, flash, useCases } = deps;
  const guard = { preHandler: pageUserGuard() };
  const body = formSchema(
    'slug',
    'title',
    'description',
    'position',
    'question',
    'answer',
    'resources',
    'status',
    'gradeId',
    'moduleId',
    'direction',
    'confirm',
  );

  async function sheetPage(
    request: FastifyRequest,
    reply: FastifyReply,
    sheetId: string,
    problem?: PageProblem,
    report?: ImportReportView,
  ) {
    const actor = staff(request);
    const [sheet, items, modules] = await Promise.all([
      useCases.getSheet({ sheetId }),
      useCases.sheetItems({ actor, sheetId }),
      useCases.moduleOptions(),
    ]);
    return renderer.page(
      reply,
      <AdminSheetPage
        ctx={renderer.context(request, reply)}
        sheet={sheet}
        items={items}
        modules={modules}
        problem={problem}
        report={report}
      />,
      problem?.status ?? 200,
    );
  }

  const done = (request: FastifyRequest, reply: FastifyReply, sheetId: string, message: 'saved' | 'deleted') => {
    flash.set(reply, { kind: 'success', message: message === 'saved' ? 'matrix.admin.saved' : 'matrix.admin.deleted' });
    return reply.redirect(`/admin/matrix/sheets/${sheetId}`, 303);
  };

  app.get('/admin/matrix', guard, async (request, reply) => {
    staff(request);
    return renderer.page(
      reply,
      <AdminSheetsPage ctx={renderer.context(request, reply)} sheets={await useCases.listSheets()} />,
    );
  });

  app.post('/admin/matrix', { ...guard, schema: { body } }, async (request, reply) => {
    const actor = staff(request);
    const form = request.body as FormBody;
    let id = '';
    const problem = await attempt(request, async () => {
      id = (
        await useCases.createSheet({
          actor,
          slug: text(form, 'slug'),
          title: text(form, 'title'),
          description: text(form, 'description'),
        })
      ).id;
    });
    if (problem) {
      return renderer.page(
        reply,
        <AdminSheetsPage
          ctx={renderer.context(request, reply)}
          sheets={await useCases.listSheets()}
          problem={problem}
          values={form}
        />,
        problem.status,
      );
    }
    return done(request, reply, id, 'saved');
  });

  app.get('/admin/matrix/sheets/:id', { ...guard, schema: { params: IdParams } }, (request, reply) =>
    sheetPage(request, reply, idOf(request)),
  );

  const move = (form: FormBody, position: number): number | undefined => {
    if (form.direction === 'up') return position - 1;
    if (form.direction === 'down') return position + 1;
    const value = Number(form.position);
    return Number.isSafeInteger(value) ? value : undefined;
  };

  // One POST per entity: fields to change, `direction` (up/down) to move, `confirm` + /delete to delete.
  app.post('/admin/matrix/sheets/:id', { ...guard, schema: { params: IdParams, body } }, async (request, reply) => {
    const actor = staff(request);
    const form = request.body as FormBody;
    const problem = await attempt(request, () =>
      useCases.updateSheet({
        actor,
        sheetId: idOf(request),
        slug: optional(form, 'slug'),
        title: optional(form, 'title'),
        description: optional(form, 'description'),
      }),
    );
    return problem ? sheetPage(request, reply, idOf(request), problem) : done(request, reply, idOf(request), 'saved');
  });
  app.post(
    '/admin/matrix/sheets/:id/delete',
    { ...guard, schema: { params: IdParams, body } },
    async (request, reply) => {
      const actor = staff(request);
      await useCases.deleteSheet({ actor, sheetId: idOf(request) });
      flash.set(reply, { kind: 'success', message: 'matrix.admin.deleted' });
      return reply.redirect('/admin/matrix', 303);
    },
  );

  app.post(
    '/admin/matrix/sheets/:id/grades',
    { ...guard, schema: { params: IdParams, body } },
    async (request, reply) => {
      const actor = staff(request);
      const form = request.body as FormBody;
      const problem = await attempt(request, () =>
        useCases.addGrade({ actor, sheetId: idOf(request), slug: text(form, 'slug'), title: text(form, 'title') }),
      );
      return problem ? sheetPage(request, reply, idOf(request), problem) : done(request, reply, idOf(request), 'saved');
    },
  );
  app.post(
    '/admin/matrix/sheets/:id/sections',
    { ...guard, schema: { params: IdParams, body } },
    async (request, reply) => {
      const actor = staff(request);
      const form = request.body as FormBody;
      const problem = await attempt(request, () =>
        useCases.addSection({ actor, sheetId: idOf(request), title: text(form, 'title') }),
      );
      return problem ? sheetPage(request, reply, idOf(request), problem) : done(request, reply, idOf(request), 'saved');
    },
  );

  type Kind = 'grades' | 'sections' | 'subsections' | 'items';
  const locate = async (kind: Kind, id: string, actor: MatrixActor): Promise<{ sheetId: string; position: number }> => {
    const sheets = await useCases.listSheets();
    for (const sheet of sheets) {
      if (kind === 'grades') {
        const grade = sheet.grades.find((g) => g.id === id);
        if (grade) return { sheetId: sheet.id, position: grade.position };
      }
      for (const section of sheet.sections) {
        if (kind === 'sections' && section.id === id) return { sheetId: sheet.id, position: section.position };
        const sub = section.subsections.find((s) => s.id === id);
        if (kind === 'subsections' && sub) return { sheetId: sheet.id, position: sub.position };
      }
    }
    if (kind === 'items') {
      const item = await useCases.getItem({ actor, itemId: id });
      return { sheetId: item.sheetId, position: item.position };
    }
    const entity = kind.slice(0, -1) as 'grade' | 'section' | 'subsection';
    throw new MatrixNotFoundError(entity, id);
  };

  for (const kind of ['grades', 'sections', 'subsections', 'items'] as const) {
    app.post(`/admin/matrix/${kind}/:id`, { ...guard, schema: { params: IdParams, body } }, async (request, reply) => {
      const actor = staff(request);
      const form = request.body as FormBody;
      const id = idOf(request);
      const { sheetId, position } = await locate(kind, id, actor);
      const to = form.direction || form.position ? move(form, position) : undefined;
      const problem = await attempt(request, async () => {
        if (kind === 'grades')
          await useCases.updateGrade({
            actor,
            gradeId: id,
            slug: optional(form, 'slug'),
            title: optional(form, 'title'),
            position: to,
          });
        if (kind === 'sections')
          await useCases.updateSection({ actor, sectionId: id, title: optional(form, 'title'), position: to });
        if (kind === 'subsections')
          await useCases.updateSubsection({ actor, subsectionId: id, title: optional(form, 'title'), position: to });
        if (kind === 'items') {
          const item = itemFields(form);
          await useCases.updateItem({ actor, itemId: id, ...item, position: to });
        }
      });
      if (problem && kind === 'items') {
        const item = await useCases.getItem({ actor, itemId: id });
        const [sheet, modules] = await Promise.all([useCases.getSheet({ sheetId }), useCases.moduleOptions()]);
        return renderer.page(
          reply,
          <ItemEditPage
            ctx={renderer.context(request, reply)}
            sheet={sheet}
            item={item}
            modules={modules}
            problem={problem}
            values={form}
          />,
          problem.status,
        );
      }
      return problem ? sheetPage(request, reply, sheetId, problem) : done(request, reply, sheetId, 'saved');
    });

    app.post(
      `/admin/matrix/${kind}/:id/delete`,
      { ...guard, schema: { params: IdParams, body } },
      async (request, reply) => {
        const actor = staff(request);
        const form = request.body as FormBody;
        const id = idOf(request);
        const { sheetId } = await locate(kind, id, actor);
        if (form.confirm !== 'yes')
          return sheetPage(request, reply, sheetId, {
            message: request.t('matrix.admin.confirmRequired'),
            status: 422,
          });
        const problem = await attempt(request, async () => {
          if (kind === 'grades') await useCases.deleteGrade({ actor, gradeId: id });
          if (kind === 'sections') await useCases.deleteSection({ actor, sectionId: id });
          if (kind === 'subsections') await useCases.deleteSubsection({ actor, subsectionId: id });
          if (kind === 'items') await useCases.deleteItem({ actor, itemId: id });
        });
        return problem ? sheetPage(request, reply, sheetId, problem) : done(request, reply, sheetId, 'deleted');
      },
    );
  }

  app.post(
    '/admin/matrix/sections/:id/subsections',
    { ...guard, schema: { params: IdParams, body } },
    async (request, reply) => {
      const actor = staff(request);
      const form = request.body as FormBody;
      const { sheetId } = await locate('sections', idOf(request), actor);
      const problem = await attempt(request, () =>
        useCases.addSubsection({ actor, sectionId: idOf(request), title: text(form, 'title') }),
      );
      return problem ? sheetPage(request, reply, sheetId, problem) : done(request, reply, sheetId, 'saved');
    },
  );

  app.post(
    '/admin/matrix/subsections/:id/items',
    { ...guard, schema: { params: IdParams, body } },
    async (request, reply) => {
      const actor = staff(request);
      const form = request.body as FormBody;
      const { sheetId } = await locate('subsections', idOf(request), actor);
      const problem = await attempt(request, () => {
        const fields = itemFields(form);
        return useCases.addItem({
          actor,
          subsectionId: idOf(request),
          gradeId: text(form, 'gradeId'),
          question: fields.question ?? '',
          answer: fields.answer ?? '',
          resources: fields.resources,
          status: fields.status === 'draft' ? 'draft' : 'published',
          moduleId: fields.moduleId ?? null,
        });
      });
      return problem ? sheetPage(request, reply, sheetId, problem) : done(request, reply, sheetId, 'saved');
    },
  );

  app.get('/admin/matrix/items/:id', { ...guard, schema: { params: IdParams } }, async (request, reply) => {
    const actor = staff(request);
    const item = await useCases.getItem({ actor, itemId: idOf(request) });
    const [sheet, modules] = await Promise.all([
      useCases.getSheet({ sheetId: item.sheetId }),
      useCases.moduleOptions(),
    ]);
    return renderer.page(
      reply,
      <ItemEditPage ctx={renderer.context(request, reply)} sheet={sheet} item={item} modules={modules} />,
    );
  });

  app.get('/admin/matrix/sheets/:id/export.csv', { ...guard, schema: { params: IdParams } }, async (request, reply) => {
    const file = await useCases.exportSheetCsv({ actor: staff(request), sheetId: idOf(request) });
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition('attachment', file.fileName, 'matrix.csv'))
      .send(file.csv);
  });

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: async (part: MultipartFile) => {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        (part as unknown as { value: { content: Buffer; tooLarge: boolean } }).value = {
          content: Buffer.concat(chunks),
          tooLarge: part.file.truncated,
        };
      },
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12, fieldSize: MAX_IMPORT_BYTES },
    });
    scope.post(
      '/admin/matrix/sheets/:id/import',
      { ...guard, schema: { params: IdParams } },
      async (request, reply) => {
        const actor = staff(request);
        const sheetId = idOf(request);
        const form = (request.body ?? {}) as Record<string, unknown>;
        const file = form.file as { content?: Buffer; tooLarge?: boolean } | undefined;
        const dryRun = form.dryRun === 'yes';
        let csv: string | undefined;
        if (file?.content && file.content.length > 0) {
          if (file.tooLarge)
            return sheetPage(request, reply, sheetId, {
              message: request.t('errors.matrix.import_too_large', { limit: MAX_IMPORT_BYTES }),
              status: 413,
            });
          try {
            csv = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
          } catch {
            return sheetPage(request, reply, sheetId, {
              message: request.t('errors.matrix.import_not_utf8'),
              status: 422,
            });
          }
        } else if (typeof form.csv === 'string' && form.csv.trim() !== '') {
          csv = form.csv;
        }
        if (csv === undefined)
          return sheetPage(request, reply, sheetId, {
            message: request.t('matrix.admin.importFileRequired'),
            status: 422,
          });
        const result = await useCases.importSheetCsv({ actor, sheetId, csv: csv.replaceAll('\u0000', ''), dryRun });
        const report: ImportReportView = {
          ...result,
          dryRun,
          messages: result.rejected.map(
            (r) => `${request.t('matrix.admin.line', { line: r.line })}: ${rejectionText(request, r.code, r.params)}`,
          ),
        };
        if (result.imported)
          flash.set(reply, {
            kind: 'success',
            message: 'matrix.admin.importedFlash',
          });
        return sheetPage(
          request,
          reply,
          sheetId,
          result.rejected.length > 0 ? { message: request.t('matrix.admin.importRejected'), status: 422 } : undefined,
          report,
        );
      },
    );
  });
}

function itemFields(form: FormBody) {
  const resources = form.resources === undefined ? undefined : parseResourceLines(form.resources);
  if (resources && resources.badLines.length > 0) {
    throw new InvalidMatrixInputError([
      { path: '/resources', code: 'resource_lines', params: { lines: resources.badLines.join(', ') } },
    ]);
  }
  return {
    question: optional(form, 'question'),
    answer: optional(form, 'answer'),
    resources: resources?.resources,
    status: optional(form, 'status'),
    gradeId: form.gradeId || undefined,
    moduleId: form.moduleId === undefined ? undefined : form.moduleId || null,
  };
}
