import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../../../../shared/application/clock.ts';
import { DomainError } from '../../../../shared/domain/errors.ts';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import type { MessageKey } from '../../../../shared/http/i18n/index.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { FilesUseCases } from '../../application/use-cases.ts';
import { EmptyFileError, FileTooLargeError, FileTypeNotAllowedError } from '../../domain/errors.ts';
import { UPLOAD_POLICIES } from '../../domain/upload-policy.ts';

export type AvatarPagesDeps = PagesDeps & { useCases: FilesUseCases; clock: Clock };

const MAX_AVATAR_BYTES = UPLOAD_POLICIES.avatar.maxBytes;
const UNREADABLE = 'BAZA_AVATAR_UNREADABLE';

type AvatarUpload = Readonly<{ fileName: string; content: Buffer; tooLarge: boolean }>;

/**
 * Reads the file part for `attachFieldsToBody` (the CSRF check reads `_csrf` from the body, so
 * the form is parsed before the handler runs): busboy stops at the limit + 1 byte, so at most
 * that much is held in memory, and a bigger file is refused without reading the rest.
 */
async function readAvatar(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (error) {
    throw Object.assign(new Error('the uploaded avatar could not be read', { cause: error }), { code: UNREADABLE });
  }
  const upload: AvatarUpload = {
    fileName: part.filename,
    content: Buffer.concat(chunks),
    tooLarge: part.file.truncated,
  };
  (part as unknown as { value: AvatarUpload }).value = upload;
}

function isAvatarUpload(value: unknown): value is AvatarUpload {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as AvatarUpload).content);
}

const UNREADABLE_CODES = new Set([
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  UNREADABLE,
]);
const MALFORMED =
  /Unexpected end of form|Part terminated early|Malformed part header|Boundary not found|Premature close/i;

/** The profile page's avatar forms: upload (multipart, in a scope of its own) and remove. */
export async function avatarPages(app: FastifyInstance, deps: AvatarPagesDeps): Promise<void> {
  const { flash, useCases, clock } = deps;
  const back = (reply: FastifyReply, kind: 'success' | 'danger', message: MessageKey) => {
    flash.set(reply, { kind, message });
    return reply.redirect('/profile#avatar', 303);
  };

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: readAvatar,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_AVATAR_BYTES + 1, files: 1, fields: 3, parts: 4, fieldSize: 1024 },
    });
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      const unreadable = UNREADABLE_CODES.has(error.code) || MALFORMED.test(error.message);
      if (!unreadable || !request.user) throw error;
      return back(reply, 'danger', 'files.avatar.unreadable');
    });

    scope.post('/profile/avatar', { preHandler: pageUserGuard({ allowWithoutMfa: true }) }, async (request, reply) => {
      const actor = pageUser(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const file = body.avatar;
      if (!isAvatarUpload(file) || (file.fileName === '' && file.content.length === 0)) {
        return back(reply, 'danger', 'files.avatar.missing');
      }
      if (file.tooLarge) return back(reply, 'danger', 'files.avatar.tooLarge');
      try {
        await useCases.setAvatar({
          actor,
          fileName: file.fileName,
          content: (async function* () {
            yield new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.length);
          })(),
          now: clock.now(),
        });
      } catch (error) {
        if (error instanceof FileTooLargeError) return back(reply, 'danger', 'files.avatar.tooLarge');
        if (error instanceof FileTypeNotAllowedError) return back(reply, 'danger', 'files.avatar.notImage');
        if (error instanceof EmptyFileError) return back(reply, 'danger', 'files.avatar.missing');
        if (error instanceof DomainError) return back(reply, 'danger', 'files.avatar.failed');
        throw error;
      }
      return back(reply, 'success', 'files.avatar.saved');
    });
  });

  app.post(
    '/profile/avatar/delete',
    { preHandler: pageUserGuard({ allowWithoutMfa: true }) },
    async (request, reply) => {
      await useCases.removeAvatar({ actor: pageUser(request) });
      return back(reply, 'success', 'files.avatar.removed');
    },
  );
}
