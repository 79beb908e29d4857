import type { ColumnType } from 'kysely';

/** The files module's tables as Kysely sees them (camelCase). */
export type FileTable = {
  id: string;
  ownerId: string;
  purpose: 'avatar' | 'article_image' | 'attachment';
  contentType: string;
  /** bigint: pg returns it as a string. */
  size: ColumnType<string, number, never>;
  sha256: string;
  storageKey: string;
  fileName: string;
  createdAt: Date;
};

export type FilesTables = { files: FileTable };
