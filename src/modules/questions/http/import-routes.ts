import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import { assertCanManageQuestions } from '../domain/access.ts';
import { readImportForm } from './import-form.ts';
import { rejectionMessage } from './rejection-message.ts';
import type { QuestionsRouteDeps } from './route-deps.ts';
import { ExportQuery, ImportReportSchema, importReportJson } from './schemas.ts';
import { contentDisposition } from '../../../shared/http/content-disposition.ts';

const tags = ['questions'];
const security = [{ bearerAuth: [] }];

/** The largest question file the import takes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Import (multipart, parsed only in this scope) and GIFT export of a track's bank. */
export function importRoutes(deps: QuestionsRouteDeps) {
  const { useCases, clock } = deps;
  return async (app: FastifyInstance) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20, fieldSize: 1024, parts: 30, headerPairs: 100 },
    });

    app.post(
      '/admin/questions/import',
      {
        schema: {
          tags,
          security,
          summary: 'Import a GIFT, Aiken or CSV file (multipart/form-data)',
          description:
            'Fields: `file` (UTF-8, at most 5 MB), `format` (`gift` | `aiken` | `csv`; else from the file extension), ' +
            '`trackId`, `moduleId?` (for questions without a category), `stageId?` (for questions naming no stage), ' +
            '`dryRun?` and `partial?` (`true` | `false`). All or nothing unless `partial=true`; see docs/question-bank.md.',
          consumes: ['multipart/form-data'],
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        assertCanManageQuestions(actor); // before reading up to 5 MB of someone else's upload
        const form = await readImportForm(request, MAX_IMPORT_BYTES);
        const report = await useCases.importQuestions({ ...form, actor, origin: originOf(request), now: clock.now() });
        return importReportJson(report, (reason) => rejectionMessage(request.t, reason));
      },
    );

    app.get(
      '/admin/questions/export',
      {
        schema: {
          tags,
          security,
          summary: "The track's active questions as a GIFT file that imports back to the same questions",
          querystring: ExportQuery,
          produces: ['text/plain'],
          response: { 200: { type: 'string', description: 'GIFT, UTF-8' } },
        },
      },
      async (request, reply) => {
        const { trackId } = request.query as Static<typeof ExportQuery>;
        const file = await useCases.exportGift({ actor: currentUser(request), trackId });
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', contentDisposition('attachment', file.fileName, 'questions.gift'))
          .send(file.content);
      },
    );
  };
}
