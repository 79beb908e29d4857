import { type Config, ConfigError, loadConfig, readEnvironment } from '../config.ts';
import { openDatabaseServer, type DatabaseServer } from '../shared/infrastructure/db/connection.ts';
import { migrationStatus } from '../shared/infrastructure/db/migrator.ts';
import { createLogger, type Logger } from '../shared/infrastructure/logging.ts';

/** Configuration or exit with one clear line naming the variable. */
export function configOrExit(): Config {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`baza: invalid configuration: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export function loggerFor(config: Config): Logger {
  return createLogger({ level: config.logLevel, format: config.logFormat });
}

/** One-shot commands log to stderr: their stdout is their output (an export, a report). */
export function commandLoggerFor(config: Config): Logger {
  return createLogger({ level: config.logLevel, format: config.logFormat, stderr: true });
}

export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseServer> {
  return openDatabaseServer({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    logger,
  });
}

/** The server and worker refuse to start on a schema that `baza migrate up` has not brought up to date. */
export async function assertSchemaUpToDate(connectionString: string): Promise<void> {
  const pending = (await migrationStatus(connectionString)).filter((migration) => !migration.executedAt);
  if (pending.length > 0) {
    const names = pending.map((migration) => migration.name).join(', ');
    throw new Error(`the database schema is not up to date (pending: ${names}); run \`baza migrate up\` first`);
  }
}
