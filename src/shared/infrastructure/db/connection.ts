import type { Logger } from '../logging.ts';
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from './embedded-postgres.ts';

export type DatabaseServer = {
  connectionString: string;
  embedded: boolean;
  /** Stops embedded PostgreSQL if this process started it; nothing for an external server. */
  stop: () => Promise<void>;
};

/** `DATABASE_URL` when set; otherwise embedded PostgreSQL in `DATA_DIR`. */
export async function openDatabaseServer(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  logger: Logger;
}): Promise<DatabaseServer> {
  if (options.databaseUrl) {
    return { connectionString: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: options.embeddedPort,
    logger: options.logger,
  });
  return { connectionString: server.connectionString(EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}
