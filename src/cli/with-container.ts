import { type Container, createContainer } from '../composition-root.ts';
import type { Config } from '../config.ts';
import { DomainError } from '../shared/domain/errors.ts';
import { isMessageKey, translator } from '../shared/http/i18n/index.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { assertSchemaUpToDate, openDatabase } from './runtime.ts';

/**
 * Runs use cases from the command line: the database (embedded or DATABASE_URL) on an
 * up-to-date schema, the container around it, and a domain error as one localized line.
 */
export async function withContainer<T>(
  config: Config,
  logger: Logger,
  locale: 'ru' | 'en',
  work: (container: Container) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config, logger);
  try {
    await assertSchemaUpToDate(database.connectionString);
    const container = createContainer({ config, logger, connectionString: database.connectionString });
    try {
      return await work(container);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(domainMessage(error, locale), { cause: error });
      throw error;
    } finally {
      await container.close();
    }
  } finally {
    await database.stop();
  }
}

/** A domain error's localized message (its field issues too), for one line on a terminal. */
export function domainMessage(error: DomainError, locale: 'ru' | 'en'): string {
  const t = translator(locale);
  const key = `errors.${error.code}`;
  const message = isMessageKey(key) ? t(key, error.params) : error.message;
  const issues = error.issues.map((issue) => {
    const specific = `errors.${error.code}.${issue.code}`;
    const generic = `issue.${issue.code}`;
    const text = isMessageKey(specific)
      ? t(specific, issue.params ?? {})
      : isMessageKey(generic)
        ? t(generic, issue.params ?? {})
        : issue.code;
    return `${issue.path}: ${text}`;
  });
  return [message, ...issues].join('\n  ');
}
