import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { problemSpecOf, toProblem } from '../../../../shared/http/problem.ts';
import { formOf } from './article-form.ts';
import { type UploadResult, UploadResultView } from '../views/article-form-page.tsx';
import type { ContentPagesDeps } from './deps.ts';
import { editorPage } from './editor-page.tsx';
import { formSchema, ID_PARAMS, requireStaff, staffActor, wantsFragment } from './support.ts';

/**
 * The files module allows article images up to 5 MiB. The page reads one byte more, so a bigger
 * file reaches the files module over its limit and is refused there (413), like any upload.
 */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type ImageUpload = Readonly<{ fileName: string; content: Buffer }>;

/** Reads the file part into memory (at most the limit and a byte): the CSRF check runs after parsing. */
async function readImage(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new ImageUnreadableError(error);
  }
  const upload: ImageUpload = { fileName: part.filename, content: Buffer.concat(chunks) };
  (part as unknown as { value: ImageUpload }).value = upload;
}

const IMAGE_UNREADABLE = 'BAZA_IMAGE_UNREADABLE';

class ImageUnreadableError extends Error {
  readonly code = IMAGE_UNREADABLE;

  constructor(cause: unknown) {
    super(`the uploaded image could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** What busboy and @fastify/multipart throw for an upload they cannot read. */
const UNREADABLE_CODES = new Set([
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  IMAGE_UNREADABLE,
]);
const MALFORMED =
  /Unexpected end of form|Part terminated early|Malformed part header|Boundary not found|Premature close/i;

function isImageUpload(value: unknown): value is ImageUpload {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as ImageUpload).content);
}

/** The Markdown of an image: the alt text without brackets, backslashes or line breaks. */
export function imageMarkdown(alt: string, url: string): string {
  const text = alt
    .replace(/[[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return `![${text}](${url})`;
}

/** An uploaded file's address as the files module gives it, and nothing else, may go back into a page link. */
export function isFileUrl(value: string | undefined): value is string {
  return typeof value === 'string' && /^\/api\/v1\/files\/[\w-]{1,100}$/.test(value);
}

/** A file's name without its extension, as the default alt text. */
function altOf(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_-]+/g, ' ');
}

/** The article image upload (multipart, in a scope of its own): through the files module, back to the editor. */
export async function imagePages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  const { editor } = editorPage(deps);
  const { renderer, useCases, uploads, clock } = deps;

  /** The result where the editor asked for it: the fragment for htmx, else the editor page. */
  const answer = async (request: FastifyRequest, reply: FastifyReply, upload: UploadResult, status: number) => {
    if (wantsFragment(request)) {
      return renderer.fragment(
        reply,
        <UploadResultView ctx={renderer.context(request, reply)} upload={upload} />,
        status,
      );
    }
    const { id } = request.params as { id: string };
    const article = await useCases.getForStaff({ actor: staffActor(request), id });
    return editor(request, reply, {
      article,
      form: formOf(article),
      previewHtml: article.html || undefined,
      upload,
      status,
    });
  };

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: readImage,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_IMAGE_BYTES + 1, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    });
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      const unreadable = UNREADABLE_CODES.has(error.code) || MALFORMED.test(error.message);
      if (!unreadable || !request.user || request.user.role === 'student') throw error;
      return answer(request, reply, { error: request.t('articlesAdmin.image.unreadable') }, 400);
    });

    scope.post(
      '/admin/articles/:id/images',
      // Only staff get as far as sending the file's bytes anywhere (checked before the body is read).
      { onRequest: [pageUserGuard(), requireStaff], schema: { params: ID_PARAMS } },
      async (request, reply) => {
        const actor = staffActor(request);
        const { id } = request.params as { id: string };
        await useCases.getForStaff({ actor, id }); // another's or a deleted article is the 404 page
        const body = (request.body ?? {}) as Record<string, unknown>;
        const file = body.file;
        const alt = typeof body.alt === 'string' ? body.alt : '';
        if (!isImageUpload(file) || file.fileName === '') {
          return answer(request, reply, { error: request.t('articlesAdmin.image.fileRequired') }, 422);
        }
        try {
          const stored = await uploads.upload({
            actor,
            purpose: 'article_image',
            fileName: file.fileName,
            content: (async function* () {
              yield new Uint8Array(file.content);
            })(),
            now: clock.now(),
          });
          const markdown = imageMarkdown(alt.trim() || altOf(file.fileName), stored.url);
          if (wantsFragment(request)) return answer(request, reply, { markdown }, 201);
          const query = new URLSearchParams({ image: stored.url, alt: alt.trim() || altOf(file.fileName) });
          return reply.redirect(`/admin/articles/${id}?${query.toString()}#image-upload-result`, 303);
        } catch (caught) {
          const spec = problemSpecOf(caught, request);
          if (spec.status >= 500) throw caught;
          const problem = toProblem(spec, request);
          return answer(request, reply, { error: problem.detail ?? problem.title }, spec.status);
        }
      },
    );
  });
}

/** The upload a redirect after a successful upload (without JavaScript) names in the query. */
export function uploadFromQuery(query: Readonly<Record<string, string | undefined>>): UploadResult | undefined {
  return isFileUrl(query.image) ? { markdown: imageMarkdown(query.alt ?? '', query.image) } : undefined;
}

export const EDIT_QUERY = formSchema('image', 'alt');
