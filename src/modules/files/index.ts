import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { AppModule } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import type { FileUploads } from './application/contract.ts';

export type * from './application/contract.ts';

export type FilesModule = AppModule & { uploads: FileUploads };

/** Stored files: uploads by purpose, downloads, avatars; local directory or S3-compatible storage. */
export function createFilesModule(_deps: { config: Config; db: Db; clock: Clock; logger: Logger }): FilesModule {
  return {
    uploads: {
      upload: () => Promise.reject(new Error('the files module is not built yet')),
    },
  };
}
