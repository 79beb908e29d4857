import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/application/clock.ts';
import type { Mailer } from '../../shared/application/mailer.ts';
import type { OutboxHandler } from '../../shared/application/outbox.ts';
import type { AppModule, PagesDeps } from '../../shared/http/pages.ts';
import type { Db } from '../../shared/infrastructure/db/database.ts';
import type { Logger } from '../../shared/infrastructure/logging.ts';
import { createRateLimiter } from '../../shared/infrastructure/rate-limiter.ts';
import { uuidV7 } from '../../shared/infrastructure/uuid-v7.ts';
import { makeAccountMailHandlers } from './application/commands/send-account-mail.ts';
import { createIdentityUseCases, type IdentityUseCases } from './application/use-cases.ts';

export type { IdentityUseCases };
import { adminRoutes } from './http/admin-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { authentication } from './http/authentication.ts';
import { createAccountMailRenderer } from './http/mail-templates.tsx';
import { meRoutes } from './http/me-routes.ts';
import { identityPages } from './http/pages/index.ts';
import { createSessionCookies } from './http/session-cookies.ts';
import { createArgon2Hasher } from './infrastructure/argon2-hasher.ts';
import { loadCommonPasswords } from './infrastructure/common-passwords.ts';
import { createIdentityReads } from './infrastructure/identity.reads.ts';
import { createIdentityUnitOfWork } from './infrastructure/identity-unit-of-work.ts';
import { createJwtSigner } from './infrastructure/jwt-signer.ts';
import { createSecretBox } from './infrastructure/secret-box.ts';
import { createSecretTokens } from './infrastructure/secret-tokens.ts';
import { createTotp } from './infrastructure/totp.ts';

export type IdentityModule = AppModule & {
  useCases: IdentityUseCases;
  outboxHandlers: Record<string, OutboxHandler[]>;
};

/** Accounts, sessions, MFA, roles and the audit log: adapters wired to use cases and HTTP. */
export function createIdentityModule(deps: {
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  redis: Redis | undefined;
  clock: Clock;
  /** Keeps rate-limit counters of separate deployments (or test apps) apart in a shared Redis. */
  rateLimitNamespace: string;
}): IdentityModule {
  const { config } = deps;
  const secretTokens = createSecretTokens();
  const hasher = createArgon2Hasher(config.argon2);
  void hasher.verifyDummy('warm-up'); // computes the dummy hash now, not during the first login
  const uow = createIdentityUnitOfWork(deps.db, deps.logger);
  const useCases = createIdentityUseCases({
    uow,
    reads: createIdentityReads(deps.db),
    hasher,
    commonPasswords: loadCommonPasswords(),
    secretTokens,
    totp: createTotp({ issuer: 'Baza' }),
    secretBox: createSecretBox(config.jwtSecret),
    signer: createJwtSigner({
      secret: config.jwtSecret,
      issuer: config.baseUrl,
      accessTtlMinutes: config.jwtAccessTtlMinutes,
    }),
    limiter: createRateLimiter({
      redis: deps.redis,
      namespace: deps.rateLimitNamespace,
      clock: deps.clock,
      onRedisError: (error) => deps.logger.warn({ err: error }, 'rate limits: Redis failed, counting in memory'),
    }),
    newId: () => uuidV7(deps.clock.now().getTime()),
    clock: deps.clock,
    sessionLifetime: {
      idleTimeoutHours: config.refreshIdleTimeoutHours,
      absoluteLifetimeHours: config.refreshAbsoluteLifetimeHours,
    },
    mfaRequiredForStaff: config.mfaRequiredForStaff,
  });
  const outboxHandlers = makeAccountMailHandlers({
    uow,
    secretTokens,
    clock: deps.clock,
    mailer: deps.mailer,
    render: createAccountMailRenderer(config.baseUrl),
  });

  const routeDeps = (pagesDeps: PagesDeps) => ({
    useCases,
    sessionCookies: createSessionCookies(pagesDeps.cookies, deps.clock),
    clock: deps.clock,
    defaultLocale: config.defaultLocale,
    mfaRequiredForStaff: config.mfaRequiredForStaff,
    devMailbox: config.smtpUrl === undefined && config.nodeEnv !== 'production',
  });

  return {
    useCases,
    outboxHandlers,
    plugin: async (app: FastifyInstance, pagesDeps: PagesDeps) => {
      const shared = routeDeps(pagesDeps);
      await app.register(authentication, { ...shared, cookies: pagesDeps.cookies });
    },
    routes: async (app: FastifyInstance, pagesDeps: PagesDeps) => {
      const shared = routeDeps(pagesDeps);
      // Tokens, TOTP secrets, recovery codes and personal data: never stored by a cache (RFC 6749 §5.1).
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      await app.register(authRoutes(shared));
      await app.register(meRoutes(shared));
      await app.register(adminRoutes(shared));
    },
    pages: async (app: FastifyInstance, pagesDeps: PagesDeps) =>
      identityPages(app, { ...pagesDeps, ...routeDeps(pagesDeps) }),
  };
}

export { createAuditTrail } from './infrastructure/audit.repository.ts';
export { createStaffRecipients, type StaffRecipient } from './infrastructure/staff-recipients.ts';
export { createUserDirectory, type UserCard, type UserDirectory } from './infrastructure/user-directory.ts';
