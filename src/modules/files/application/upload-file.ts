import { assertMayUpload, cleanFileName } from '../domain/access.ts';
import { SNIFF_BYTES, sniffContentType } from '../domain/content-type.ts';
import {
  EmptyFileError,
  FileTooLargeError,
  FileTypeNotAllowedError,
  FileUploadForbiddenError,
} from '../domain/errors.ts';
import { UPLOAD_POLICIES } from '../domain/upload-policy.ts';
import type { StoredFile, UploadInput } from './contract.ts';
import type { FileRecord, FilesDeps } from './ports.ts';

export const fileUrl = (id: string) => `/api/v1/files/${id}`;

export function storedFileOf(file: FileRecord): StoredFile {
  return {
    id: file.id,
    url: fileUrl(file.id),
    purpose: file.purpose,
    contentType: file.contentType,
    size: file.size,
    fileName: file.fileName,
    createdAt: file.createdAt,
  };
}

/**
 * Stores an upload: who may upload is checked first; the type is sniffed from the first bytes
 * (refused before anything is stored); then the bytes stream to storage under a generated key
 * while they are counted (the limit aborts the stream the moment it is passed) and hashed; then
 * the row is written. On any failure the stored object is removed.
 */
export function makeUploadFile(deps: FilesDeps) {
  return async function uploadFile(input: UploadInput): Promise<StoredFile> {
    assertMayUpload(input.actor, input.purpose);
    if (!(await deps.files.isActiveUser(input.actor.id))) throw new FileUploadForbiddenError(input.purpose);
    const policy = UPLOAD_POLICIES[input.purpose];
    const iterator = input.content[Symbol.asyncIterator]();
    const { head, ended } = await readHead(iterator, policy.maxBytes);
    if (head.length === 0 && ended) throw new EmptyFileError();
    const contentType = sniffContentType(head.subarray(0, SNIFF_BYTES));
    if (policy.types !== 'any' && !policy.types.includes(contentType)) {
      await iterator.return?.();
      throw new FileTypeNotAllowedError(contentType, policy.types);
    }

    const hash = deps.sha256();
    let size = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      const take = (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > policy.maxBytes) throw new FileTooLargeError(policy.maxBytes);
        hash.update(chunk);
        return chunk;
      };
      yield take(head);
      if (ended) return;
      for (;;) {
        const step = await iterator.next();
        if (step.done) return;
        if (step.value.length > 0) yield take(step.value);
      }
    }

    const storageKey = deps.newStorageKey();
    const file: FileRecord = {
      id: deps.newId(input.now),
      ownerId: input.actor.id,
      purpose: input.purpose,
      contentType,
      size: 0,
      sha256: '',
      storageKey,
      fileName: cleanFileName(input.fileName),
      createdAt: input.now,
    };
    try {
      await deps.storage.put(storageKey, counted(), { contentType });
      const complete = { ...file, size, sha256: hash.hex() };
      await deps.files.insert(complete);
      return storedFileOf(complete);
    } catch (error) {
      await iterator.return?.().catch(() => undefined);
      await deps.storage.delete(storageKey).catch((cause: unknown) => deps.warn('could not remove an upload', cause));
      throw error;
    }
  };
}

/** At least `SNIFF_BYTES` from the start (or everything, when shorter); refuses a head over the limit. */
async function readHead(iterator: AsyncIterator<Uint8Array>, maxBytes: number) {
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const step = await iterator.next();
    if (step.done) return { head: concat(chunks, length), ended: true };
    chunks.push(step.value);
    length += step.value.length;
    if (length > maxBytes) {
      await iterator.return?.();
      throw new FileTooLargeError(maxBytes);
    }
  }
  return { head: concat(chunks, length), ended: false };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
