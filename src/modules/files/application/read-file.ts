import { isUuid } from '../../../shared/domain/ids.ts';
import { isPublicPurpose, mayRead, type Reader } from '../domain/access.ts';
import { FileNotFoundError } from '../domain/errors.ts';
import type { FileRecord, FilesDeps } from './ports.ts';

export type FileDownload = Readonly<{
  file: FileRecord;
  /** Anyone may cache it (avatars, article images); otherwise only the reader's browser. */
  public: boolean;
  /** The bytes; undefined when the client's copy is current (`If-None-Match` matched). */
  content: AsyncIterable<Uint8Array> | undefined;
}>;

/**
 * A file for download with its access check: avatars and article images for anyone, an
 * attachment for its owner and staff; everything else (and a missing file) is 404.
 */
export function makeReadFile(deps: Pick<FilesDeps, 'files' | 'storage'>) {
  return async function readFile(input: {
    reader: Reader;
    id: string;
    /** Whether the client's copy is current (If-None-Match): then no bytes are read. */
    isCached?: ((sha256: string) => boolean) | undefined;
  }): Promise<FileDownload> {
    const file = isUuid(input.id) ? await deps.files.find(input.id.toLowerCase()) : undefined;
    if (!file || !mayRead(input.reader, file)) throw new FileNotFoundError(input.id);
    const common = { file, public: isPublicPurpose(file.purpose) };
    if (input.isCached?.(file.sha256)) return { ...common, content: undefined };
    const content = await deps.storage.get(file.storageKey);
    if (!content) throw new FileNotFoundError(input.id);
    return { ...common, content };
  };
}
