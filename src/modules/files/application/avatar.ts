import type { FileActor, StoredFile } from './contract.ts';
import type { FilesDeps } from './ports.ts';
import type { makeUploadFile } from './upload-file.ts';

type Upload = ReturnType<typeof makeUploadFile>;

/**
 * Sets the signed-in user's avatar: an upload with the avatar policy (PNG, JPEG or WebP up to
 * 2 MiB); the previous avatar's row and bytes are removed.
 */
export function makeSetAvatar(deps: FilesDeps, upload: Upload) {
  return async function setAvatar(input: {
    actor: FileActor;
    fileName: string;
    content: AsyncIterable<Uint8Array>;
    now: Date;
  }): Promise<StoredFile> {
    const stored = await upload({ ...input, purpose: 'avatar' });
    let previous;
    try {
      previous = await deps.files.replaceAvatar(input.actor.id, stored.id);
    } catch (error) {
      await discard(deps, stored.id);
      throw error;
    }
    if (previous) await removeBytes(deps, previous.storageKey);
    return stored;
  };
}

/** Removes the signed-in user's avatar (nothing to remove is fine). */
export function makeRemoveAvatar(deps: FilesDeps) {
  return async function removeAvatar(input: { actor: FileActor }): Promise<void> {
    const previous = await deps.files.replaceAvatar(input.actor.id, null);
    if (previous) await removeBytes(deps, previous.storageKey);
  };
}

/** Deletes a file just uploaded that its request could not use after all (row and bytes). */
export async function discard(deps: FilesDeps, id: string): Promise<void> {
  const removed = await deps.files.remove(id);
  if (removed) await removeBytes(deps, removed.storageKey);
}

async function removeBytes(deps: FilesDeps, storageKey: string): Promise<void> {
  await deps.storage.delete(storageKey).catch((error: unknown) => deps.warn('could not remove stored bytes', error));
}
