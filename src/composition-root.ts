import { Redis } from 'ioredis';
import type { OutboxHandler, OutboxHandlers } from './shared/application/outbox.ts';
import type { Config } from './config.ts';
import { createAnalyticsModule } from './modules/analytics/index.ts';
import { type ApprovalsModule, createApprovalsModule } from './modules/approvals/index.ts';
import { type AssessmentModule, createAssessmentModule } from './modules/assessment/index.ts';
import { createDevMailModule } from './modules/dev-mail/index.ts';
import { createProgressModule, type ProgressModule } from './modules/progress/index.ts';
import { createHomeModule } from './modules/home/index.ts';
import { createCatalogModule } from './modules/catalog/index.ts';
import { createContactsModule } from './modules/contacts/index.ts';
import { createArticleDirectory, createContentModule } from './modules/content/index.ts';
import { createFilesModule } from './modules/files/index.ts';
import { createMatrixModule } from './modules/matrix/index.ts';
import { createAuditTrail, createIdentityModule, createUserDirectory } from './modules/identity/index.ts';
import { createQuestionBankFacts, createQuestionsModule } from './modules/questions/index.ts';
import { type Clock, systemClock } from './shared/application/clock.ts';
import { createContentGeneration } from './shared/infrastructure/content-generation.ts';
import { createDatabase } from './shared/infrastructure/db/database.ts';
import { createHealth } from './shared/infrastructure/health.ts';
import { createIdempotencyStore } from './shared/infrastructure/idempotency-store.ts';
import { createMaintenanceCleanup } from './shared/infrastructure/jobs/maintenance-cleanup.ts';
import { createOutboxRelay } from './shared/infrastructure/jobs/outbox-relay.ts';
import type { Logger } from './shared/infrastructure/logging.ts';
import { createMailer } from './shared/infrastructure/mail/index.ts';
import { createMetrics } from './shared/infrastructure/metrics.ts';

/**
 * Builds every adapter and module from the configuration: plain functions, no DI container.
 * Nothing here touches the schema; `baza migrate` owns that.
 */
export function createContainer(options: {
  config: Config;
  logger: Logger;
  connectionString: string;
  /** Outbox handlers beyond the modules' own (tests add theirs here). */
  outboxHandlers?: Record<string, OutboxHandler[]>;
  /** Tests control time; everything else uses the system clock. */
  clock?: Clock;
  /** Separates rate-limit counters of apps sharing one Redis (each test app has its own). */
  rateLimitNamespace?: string;
}) {
  const { config, logger } = options;
  const database = createDatabase({
    connectionString: options.connectionString,
    maxConnections: config.databasePoolMax,
    logger,
  });
  const redis = config.redisUrl ? createRedis(config.redisUrl, logger) : undefined;
  const mail = createMailer({ config, db: database.db, logger });
  const clock = options.clock ?? systemClock;
  const identity = createIdentityModule({
    config,
    db: database.db,
    logger,
    mailer: mail.mailer,
    redis,
    clock,
    rateLimitNamespace: options.rateLimitNamespace ?? 'baza-identity:',
  });
  const auditTrail = createAuditTrail(logger);
  const catalog = createCatalogModule({
    config,
    db: database.db,
    clock,
    auditTrail,
    questionBank: createQuestionBankFacts,
  });
  const questions = createQuestionsModule({
    config,
    db: database.db,
    clock,
    auditTrail,
    tracksFor: catalog.trackDirectoryFor,
  });
  const files = createFilesModule({ config, db: database.db, clock, logger });
  const content = createContentModule({
    config,
    db: database.db,
    clock,
    auditTrail,
    tracksFor: catalog.trackDirectoryFor,
    uploads: files.uploads,
  });
  const matrix = createMatrixModule({
    config,
    db: database.db,
    clock,
    auditTrail,
    tracksFor: catalog.trackDirectoryFor,
  });
  const contacts = createContactsModule({ config, db: database.db, clock, logger, mailer: mail.mailer });
  // The learning journey's three modules call each other inside one transaction through ports
  // bound to it; the closures are resolved at call time, after all three exist.
  const assessment: AssessmentModule = createAssessmentModule({
    config,
    db: database.db,
    clock,
    logger,
    auditTrail,
    tracksFor: catalog.trackDirectoryFor,
    outcomesFor: (tx) => progress.outcomesFor(tx),
    annulmentConsequencesFor: (tx) => approvals.annulmentConsequencesFor(tx),
  });
  const progress: ProgressModule = createProgressModule({
    config,
    db: database.db,
    clock,
    auditTrail,
    tracksFor: catalog.trackDirectoryFor,
    articlesFor: createArticleDirectory,
    usersFor: createUserDirectory,
    starterFor: (tx) => assessment.starterFor(tx),
    attemptReadsFor: (executor) => assessment.readsFor(executor),
    approvalRequestsFor: (tx) => approvals.requestsFor(tx),
    assessment: () => assessment.useCases,
    content: content.useCases,
  });
  const approvals: ApprovalsModule = createApprovalsModule({
    config,
    db: database.db,
    clock,
    logger,
    auditTrail,
    mailer: mail.mailer,
    tracksFor: catalog.trackDirectoryFor,
    usersFor: createUserDirectory,
    decisionsFor: (tx) => progress.decisionsFor(tx),
    attemptAnnulmentFor: (tx) => assessment.annulmentFor(tx),
    attemptReadsFor: (executor) => assessment.readsFor(executor),
    progressReadsFor: (executor) => progress.readsFor(executor),
    assessment: () => assessment.useCases,
    progress: () => progress.useCases,
  });
  const analytics = createAnalyticsModule({ config, db: database.db, clock, tracksFor: catalog.trackDirectoryFor });
  const outboxHandlers: OutboxHandlers = mergeHandlers(
    identity.outboxHandlers,
    contacts.outboxHandlers,
    approvals.outboxHandlers,
    options.outboxHandlers ?? {},
  );

  const modules = {
    home: createHomeModule(),
    identity,
    catalog,
    questions,
    files,
    content,
    matrix,
    contacts,
    assessment,
    progress,
    approvals,
    analytics,
    // Stored mail is readable by anyone who can reach the server: never in production.
    ...(mail.devMailbox && config.nodeEnv !== 'production'
      ? { devMail: createDevMailModule({ mailbox: mail.devMailbox }) }
      : {}),
  };

  return {
    config,
    logger,
    db: database.db,
    pool: database.pool,
    redis,
    connectionString: options.connectionString,
    clock,
    metrics: createMetrics(database),
    health: createHealth({ db: database.db, redis }),
    idempotencyStore: createIdempotencyStore(database.db),
    // Guest answers of public reads, dropped when a staff write bumps the (shared) generation.
    publicCache: {
      generation: createContentGeneration({
        redis,
        onRedisError: (error) => logger.warn({ err: error }, 'public cache generation unavailable'),
      }),
      maxEntries: 1_000,
      ttlMs: 60_000,
    },
    mailer: mail.mailer,
    devMailbox: mail.devMailbox,
    outboxRelay: createOutboxRelay({ db: database.db, handlers: outboxHandlers, logger, pollMs: config.outboxPollMs }),
    cleanUp: createMaintenanceCleanup({ db: database.db, outboxRetentionDays: config.outboxRetentionDays }),
    modules,
    async close(): Promise<void> {
      await mail.close();
      await database.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export type Container = ReturnType<typeof createContainer>;

function createRedis(url: string, logger: Logger): Redis {
  // Commands wait for the first connection (rather than fail and skip rate limiting), but give up
  // after one reconnect attempt when Redis is down, so a request is never held for long.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
  });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  return redis;
}

function mergeHandlers(...sources: Record<string, OutboxHandler[]>[]): OutboxHandlers {
  const merged = new Map<string, OutboxHandler[]>();
  for (const source of sources) {
    for (const [type, handlers] of Object.entries(source)) merged.set(type, [...(merged.get(type) ?? []), ...handlers]);
  }
  return merged;
}
