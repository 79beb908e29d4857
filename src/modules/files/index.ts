import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { FileStorage } from '../../shared/application/file-storage.ts';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import { createLocalFileStorage } from '../../shared/infrastructure/storage/local-file-storage.ts';
import { createS3FileStorage } from '../../shared/infrastructure/storage/s3-file-storage.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import type { FileUploads } from './application/contract.ts';
import { createFilesUseCases, type FilesUseCases } from './application/use-cases.ts';
import { avatarPages } from './http/pages/avatar-pages.ts';
import { filesHttpError } from './http/problems.ts';
import { filesRoutes } from './http/routes.ts';
import { createFilesRepository, newStorageKey, sha256 } from './infrastructure/files.repository.ts';

export type * from './application/contract.ts';

export type FilesModule = AppModule & { uploads: FileUploads; useCases: FilesUseCases; storage: FileStorage };

/** Stored files: uploads by purpose, downloads, avatars; local directory or S3-compatible storage. */
export function createFilesModule(deps: { config: Config; db: Db; clock: Clock; logger: Logger }): FilesModule {
  const storage = createFileStorage(deps.config);
  const useCases = createFilesUseCases({
    files: createFilesRepository(deps.db),
    storage,
    sha256,
    newId: (now) => uuidV7(now.getTime()),
    newStorageKey,
    warn: (message, error) => deps.logger.warn({ err: error }, message),
  });
  return {
    useCases,
    storage,
    // Other modules get the refusals with their HTTP statuses (413 too large, 415 wrong type).
    uploads: {
      upload: (input) =>
        useCases.uploadFile(input).catch((error: unknown) => {
          throw filesHttpError(error);
        }),
    },
    routes: async (app: FastifyInstance) => {
      app.addHook('onClose', async () => storage.close?.());
      await filesRoutes({ useCases, clock: deps.clock })(app);
    },
    pages: (app: FastifyInstance, pagesDeps: PagesDeps) =>
      avatarPages(app, { ...pagesDeps, useCases, clock: deps.clock }),
  };
}

function createFileStorage(config: Config): FileStorage {
  const storage = config.fileStorage;
  return storage.kind === 's3' ? createS3FileStorage(storage) : createLocalFileStorage(storage.directory);
}
