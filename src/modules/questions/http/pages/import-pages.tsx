import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import type { ImportFormat } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { decodeUtf8 } from '../../domain/formats/index.ts';
import { ChooseTrackPage } from '../views/confirm-page.tsx';
import { IMPORT_FORMATS, type ImportErrors, type ImportForm, ImportPage } from '../views/import-page.tsx';
import { ImportResultPage } from '../views/import-result-page.tsx';
import type { QuestionsPagesDeps } from './deps.ts';
import {
  cleanFileName,
  detectFormat,
  isUpload,
  MAX_CARRIED_BYTES,
  MAX_FILE_BYTES,
  readUpload,
  UPLOAD_UNREADABLE,
} from './import-upload.ts';
import { formFailure, formSchema, oneOf, requireStaff, staffActor } from './support.ts';
import { resolveTrack } from './tracks.ts';

const FORMATS: readonly (ImportFormat | 'auto')[] = ['auto', ...IMPORT_FORMATS];
const MAX_MEGABYTES = MAX_FILE_BYTES / (1024 * 1024);
/** What busboy and @fastify/multipart throw for an upload they cannot read: the form says so. */
const UPLOAD_ERROR_CODES = new Set([
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_REQ_FILE_TOO_LARGE',
  'ERR_STREAM_PREMATURE_CLOSE',
  UPLOAD_UNREADABLE,
]);
const MALFORMED_UPLOAD =
  /Unexpected end of form|Part terminated early|Malformed part header|Boundary not found|Premature close/i;

/** The import form (multipart, in a scope of its own) and its preview and result pages. */
export async function importPages(app: FastifyInstance, deps: QuestionsPagesDeps): Promise<void> {
  await app.register(async (scope) => {
    // Fields land in request.body as strings (the CSRF check reads `_csrf` there), the file as an Upload.
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: readUpload,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 20, parts: 25, fieldSize: 2 * MAX_CARRIED_BYTES },
    });
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      const outline = await uploadFailureTrack(error, request, deps);
      if (!outline) throw error; // everything else goes to the application's error handler
      const message = request.t('questionsAdmin.import.error.unreadable', { max: MAX_MEGABYTES });
      return importForm(deps, request, reply, outline, { errors: { file: message }, message, status: 400 });
    });
    await importRoutes(scope, deps);
  });
}

async function importRoutes(app: FastifyInstance, deps: QuestionsPagesDeps): Promise<void> {
  const { renderer, useCases, clock } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireStaff] };

  const chooseTrack = async (request: FastifyRequest, reply: FastifyReply, value?: string, error?: string) => {
    const page = (
      <ChooseTrackPage
        ctx={renderer.context(request, reply)}
        title={request.t('questionsAdmin.import.title')}
        action="/admin/questions/import"
        value={value}
        error={error}
        tracks={await deps.listTracks?.()}
      />
    );
    return renderer.page(reply, page, error ? 422 : 200);
  };

  app.get(
    '/admin/questions/import',
    { ...staffOnly, schema: { querystring: formSchema('trackId') } },
    async (request, reply) => {
      const { trackId } = request.query as { trackId?: string };
      const { outline, error } = await resolveTrack(deps, trackId, request.t);
      if (!outline) return chooseTrack(request, reply, trackId, error);
      return importForm(deps, request, reply, outline, {});
    },
  );

  app.post(
    '/admin/questions/import',
    { ...staffOnly, schema: { querystring: formSchema('trackId') } },
    async (request, reply) => {
      const actor = staffActor(request);
      const { t } = request;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
      const trackId = field('trackId') ?? (request.query as { trackId?: string }).trackId;
      const { outline, error } = await resolveTrack(deps, trackId, t);
      if (!outline) return chooseTrack(request, reply, trackId, error ?? t('questionsAdmin.error.trackRequired'));

      const errors: { -readonly [K in keyof ImportErrors]: ImportErrors[K] } = {};
      const form: ImportForm = {
        format: oneOf(FORMATS, field('format')) ?? 'auto',
        moduleId: field('moduleId') ?? '',
        stageId: field('stageId') ?? '',
        partial: field('partial') !== undefined,
      };
      if (form.moduleId && !outline.modules.some((m) => m.id === form.moduleId))
        errors.moduleId = t('questionsAdmin.error.notInTrack');
      if (form.stageId && !outline.stages.some((s) => s.id === form.stageId))
        errors.stageId = t('questionsAdmin.error.notInTrack');

      const file = fileOf(body, field);
      if ('error' in file) errors.file = t(file.error, { max: MAX_MEGABYTES });
      const text = 'bytes' in file ? decodeUtf8(file.bytes) : undefined;
      if ('bytes' in file && text === undefined) errors.file = t('questionsAdmin.import.error.notUtf8');
      const format = form.format === 'auto' && 'bytes' in file ? detectFormat(file.fileName, text ?? '') : form.format;
      if (text !== undefined && (format === undefined || format === 'auto'))
        errors.format = t('questionsAdmin.import.error.formatUnknown');
      if (
        !('bytes' in file) ||
        text === undefined ||
        format === undefined ||
        format === 'auto' ||
        Object.keys(errors).length > 0
      ) {
        return importForm(deps, request, reply, outline, {
          form,
          errors,
          message: t('questionsAdmin.import.error.summary'),
          status: 422,
        });
      }

      const dryRun = field('action') !== 'import';
      try {
        const report = await useCases.importQuestions({
          actor,
          trackId: outline.id,
          moduleId: form.moduleId || undefined,
          stageId: form.stageId || undefined,
          format,
          content: text,
          fileName: file.fileName,
          dryRun,
          partial: form.partial,
          origin: originOf(request),
          now: clock.now(),
        });
        const carried =
          dryRun && file.bytes.length <= MAX_CARRIED_BYTES
            ? { base64: file.bytes.toString('base64'), bytes: file.bytes.length, fileName: file.fileName }
            : undefined;
        const ctx = renderer.context(request, reply);
        const options = { moduleId: form.moduleId, stageId: form.stageId, partial: form.partial };
        const page = (
          <ImportResultPage
            ctx={ctx}
            outline={outline}
            report={report}
            fileName={file.fileName}
            format={format}
            options={options}
            carried={carried}
          />
        );
        return renderer.page(reply, page, !dryRun && !report.stored ? 422 : 200);
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        const at = (path: string) => failure.fields[path];
        const fieldErrors = {
          moduleId: at('/moduleId'),
          stageId: at('/stageId'),
          format: at('/format'),
          file: at('/content') ?? at('/fileName'),
        };
        return importForm(deps, request, reply, outline, {
          form,
          errors: fieldErrors,
          message: failure.message,
          status: failure.status,
        });
      }
    },
  );
}

type FileSource =
  | { bytes: Buffer; fileName: string }
  | {
      error:
        | 'questionsAdmin.import.error.fileRequired'
        | 'questionsAdmin.import.error.tooLarge'
        | 'questionsAdmin.import.error.empty'
        | 'questionsAdmin.import.error.chooseAgain';
    };

/** The uploaded file, or the previewed one carried back by "Import these" (base64 and its size). */
function fileOf(body: Record<string, unknown>, field: (name: string) => string | undefined): FileSource {
  const upload = body.file;
  let source: { bytes: Buffer; fileName: string } | undefined;
  if (isUpload(upload) && upload.fileName !== '') {
    if (upload.tooLarge) return { error: 'questionsAdmin.import.error.tooLarge' };
    source = { bytes: upload.content, fileName: cleanFileName(upload.fileName) };
  } else if (field('content') !== undefined) {
    const bytes = Buffer.from(field('content') ?? '', 'base64');
    if (String(bytes.length) !== field('contentBytes')) return { error: 'questionsAdmin.import.error.chooseAgain' };
    source = { bytes, fileName: cleanFileName(field('fileName') ?? '') };
  }
  if (!source) return { error: 'questionsAdmin.import.error.fileRequired' };
  return source.bytes.length === 0 ? { error: 'questionsAdmin.import.error.empty' } : source;
}

function importForm(
  deps: QuestionsPagesDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  outline: TrackOutline,
  state: { form?: ImportForm; errors?: ImportErrors; message?: string; status?: number },
) {
  const form = state.form ?? { format: 'auto', moduleId: '', stageId: '', partial: false };
  const page = (
    <ImportPage
      ctx={deps.renderer.context(request, reply)}
      outline={outline}
      form={form}
      errors={state.errors ?? {}}
      message={state.message}
      maxMegabytes={MAX_MEGABYTES}
    />
  );
  return deps.renderer.page(reply, page, state.status ?? 200);
}

/** The track of an import whose upload could not be read, when the form should say so (staff only). */
async function uploadFailureTrack(error: FastifyError, request: FastifyRequest, deps: QuestionsPagesDeps) {
  const unreadable = UPLOAD_ERROR_CODES.has(error.code) || MALFORMED_UPLOAD.test(error.message);
  if (!unreadable || request.method !== 'POST' || !request.user || request.user.role === 'student') return undefined;
  const { trackId } = request.query as { trackId?: string };
  return trackId ? deps.tracks.outline(trackId) : undefined;
}
