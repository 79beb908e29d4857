import type { FileStorage } from '../../../shared/application/file-storage.ts';
import type { SniffedType } from '../domain/content-type.ts';
import type { FilePurpose } from '../domain/upload-policy.ts';

export type { FileStorage };

/** A stored file's row. */
export type FileRecord = Readonly<{
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  contentType: SniffedType;
  size: number;
  sha256: string;
  storageKey: string;
  fileName: string;
  createdAt: Date;
}>;

/** A file row that was just unlinked; its bytes are removed after the commit. */
export type RemovedFile = Readonly<{ id: string; storageKey: string }>;

export type FilesRepository = Readonly<{
  insert(file: FileRecord): Promise<void>;
  find(id: string): Promise<FileRecord | undefined>;
  /** Deletes the row; its storage key, or undefined when there was none. */
  remove(id: string): Promise<RemovedFile | undefined>;
  /** Whether the user exists and is active. */
  isActiveUser(userId: string): Promise<boolean>;
  /**
   * Makes the file the user's avatar in one transaction and deletes the previous avatar's row
   * (returned, so its bytes can be removed).
   */
  replaceAvatar(userId: string, fileId: string | null): Promise<RemovedFile | undefined>;
}>;

/** An incremental SHA-256 (node:crypto in production). */
export type Sha256 = Readonly<{ update(bytes: Uint8Array): void; hex(): string }>;

export type FilesDeps = Readonly<{
  files: FilesRepository;
  storage: FileStorage;
  sha256: () => Sha256;
  newId: (now: Date) => string;
  /** A fresh storage key of the shape storage accepts (`ab/<32 hex>`), never from client input. */
  newStorageKey: () => string;
  /** Failures to remove bytes after the fact are logged, not thrown. */
  warn: (message: string, error: unknown) => void;
}>;
