import type { FilePurpose } from '../domain/upload-policy.ts';

export type { FilePurpose };

export type FileActor = Readonly<{ id: string; role: 'student' | 'moderator' | 'admin' | 'owner' }>;

/** A stored file as callers see it. `url` is where it is downloaded: `/api/v1/files/{id}`. */
export type StoredFile = Readonly<{
  id: string;
  url: string;
  purpose: FilePurpose;
  contentType: string;
  size: number;
  /** The uploader's name for it, cleaned (no path, no control characters); only for downloads. */
  fileName: string;
  createdAt: Date;
}>;

export type UploadInput = Readonly<{
  actor: FileActor;
  purpose: FilePurpose;
  /** The client's file name: used only for the download name, never for storage. */
  fileName: string;
  /** The bytes as they arrive; the size limit is enforced while reading (never buffered whole). */
  content: AsyncIterable<Uint8Array>;
  now: Date;
}>;

/**
 * What the files module offers other modules (the content pages upload article images through
 * it). `upload` throws the files module's errors: 413 `files.too_large`, 415
 * `files.type_not_allowed`, 422 `files.empty`, 403 `files.forbidden` (article images are for
 * moderators, admins and the owner).
 */
export type FileUploads = Readonly<{
  upload(input: UploadInput): Promise<StoredFile>;
}>;
