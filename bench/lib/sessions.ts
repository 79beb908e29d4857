import { issueSession } from '../../src/modules/identity/application/issue-session.ts';
import { createIdentityUnitOfWork } from '../../src/modules/identity/infrastructure/identity-unit-of-work.ts';
import { createJwtSigner } from '../../src/modules/identity/infrastructure/jwt-signer.ts';
import { createSecretTokens } from '../../src/modules/identity/infrastructure/secret-tokens.ts';
import { createDatabase } from '../../src/shared/infrastructure/db/database.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';
import { uuidV7 } from '../../src/shared/infrastructure/uuid-v7.ts';
import type { BenchAppEnv } from './app-env.ts';

export type Session = { email: string; userId: string; accessToken: string };

/**
 * Opens sessions the way a login does after its password check — identity's own issueSession
 * in one transaction (a sessions row, an audit entry, a signed access token) — without the
 * argon2 verification, which would cost minutes for thousands of students. The app accepts the
 * tokens because they are signed with its JWT_SECRET and issuer and their sessions are in its
 * database. The login scenario measures the argon2-bound path separately.
 */
export async function issueSessions(env: BenchAppEnv, emails: readonly string[], concurrency = 8): Promise<Session[]> {
  const logger = createLogger({ level: 'silent', format: 'ecs' });
  const database = createDatabase({
    connectionString: env.DATABASE_URL,
    maxConnections: concurrency,
    logger,
    applicationName: 'baza-bench-sessions',
  });
  const uow = createIdentityUnitOfWork(database.db, logger);
  const deps = {
    secretTokens: createSecretTokens(),
    signer: createJwtSigner({
      secret: env.JWT_SECRET,
      issuer: env.BASE_URL,
      accessTtlMinutes: Number(env.JWT_ACCESS_TTL_MINUTES),
    }),
    newId: () => uuidV7(),
    sessionLifetime: { idleTimeoutHours: 24, absoluteLifetimeHours: 24 },
  };
  const origin = { ip: '127.0.0.1', requestId: 'bench-sessions', userAgent: 'baza-bench' };
  try {
    const sessions = new Array<Session>(emails.length);
    let next = 0;
    const worker = async () => {
      while (next < emails.length) {
        const index = next++;
        const email = emails[index]!;
        sessions[index] = await uow.run(async (tx) => {
          const user = await tx.users.byEmail(email);
          if (!user) throw new Error(`no account ${email} in the bench database (the seed's manifest changed?)`);
          const issued = await issueSession(deps, tx, user, origin, new Date());
          return { email, userId: user.id, accessToken: issued.accessToken };
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return sessions;
  } finally {
    await database.close();
  }
}
