import { createInterface } from 'node:readline';
import type { IdentityUseCases } from '../modules/identity/index.ts';
import type { Config } from '../config.ts';
import { DomainError } from '../shared/domain/errors.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { domainMessage, withContainer } from './with-container.ts';

export type CreateOwnerOptions = { email: string; name: string; locale: 'ru' | 'en' };

/**
 * `baza user create-owner`: the one owner (there are no default accounts). The password comes
 * from OWNER_PASSWORD (or OWNER_PASSWORD_FILE), else from a hidden prompt, else from stdin.
 */
export async function createOwnerCommand(config: Config, logger: Logger, options: CreateOwnerOptions): Promise<void> {
  const password = config.owner.password ?? (await readPassword('Owner password (8–128 characters): '));
  const owner = await withIdentity(config, logger, options.locale, (useCases) =>
    useCases.createOwner({
      email: options.email,
      password,
      displayName: options.name,
      locale: options.locale,
      now: new Date(),
    }),
  );
  process.stdout.write(`created the owner ${owner.email} (${owner.id}); sign in at ${config.baseUrl}/login\n`);
}

/** `baza user reset-mfa`: turns MFA off for someone locked out (lost device and recovery codes). */
export async function resetMfaCommand(config: Config, logger: Logger, options: { email: string }): Promise<void> {
  const user = await withIdentity(config, logger, 'en', (useCases) =>
    useCases.resetMfaByOperator({ email: options.email, now: new Date() }),
  );
  process.stdout.write(`two-factor sign-in is off for ${options.email} (${user.id}); their sessions ended\n`);
}

function withIdentity<T>(
  config: Config,
  logger: Logger,
  locale: 'ru' | 'en',
  work: (useCases: IdentityUseCases) => Promise<T>,
): Promise<T> {
  return withContainer(config, logger, locale, (container) => work(container.modules.identity.useCases));
}

/** On start: creates the owner from OWNER_EMAIL / OWNER_PASSWORD once, or says how to make one. */
export async function ensureOwner(config: Config, logger: Logger, useCases: IdentityUseCases): Promise<void> {
  if (await useCases.hasOwner()) return;
  const { email, password, name } = config.owner;
  if (!email || !password) {
    logger.warn('there is no owner yet: run `npx baza user create-owner --email <you@school.org> --name <Your Name>`');
    return;
  }
  try {
    const owner = await useCases.createOwner({
      email,
      password,
      displayName: name ?? 'Owner',
      locale: config.defaultLocale,
      now: new Date(),
    });
    logger.info({ email: owner.email }, 'created the owner from OWNER_EMAIL');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logger.error(`could not create the owner from OWNER_EMAIL: ${domainMessage(error, 'en')}`);
  }
}

async function readPassword(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) return line;
    throw new Error('no password: set OWNER_PASSWORD or pipe it on stdin');
  }
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let password = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(password));
        if (char === '\u0003') return finish(() => reject(new Error('cancelled')));
        if (char === '\u007f') password = [...password].slice(0, -1).join('');
        else password += char;
      }
      return undefined;
    };
    const finish = (settle: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      settle();
    };
    input.on('data', onData);
  });
}
