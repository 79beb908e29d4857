import { discard, makeRemoveAvatar, makeSetAvatar } from './avatar.ts';
import type { FilesDeps } from './ports.ts';
import { makeReadFile } from './read-file.ts';
import { makeUploadFile } from './upload-file.ts';

export function createFilesUseCases(deps: FilesDeps) {
  const uploadFile = makeUploadFile(deps);
  return {
    uploadFile,
    readFile: makeReadFile(deps),
    setAvatar: makeSetAvatar(deps, uploadFile),
    removeAvatar: makeRemoveAvatar(deps),
    /** Undoes an upload its request failed after (e.g. a second file part): only the uploader's own. */
    discardUpload: (input: { actorId: string; id: string }) => discardOwn(deps, input),
  };
}

async function discardOwn(deps: FilesDeps, input: { actorId: string; id: string }): Promise<void> {
  const file = await deps.files.find(input.id);
  if (file?.ownerId === input.actorId) await discard(deps, input.id);
}

export type FilesUseCases = ReturnType<typeof createFilesUseCases>;
