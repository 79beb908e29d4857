import { randomBytes } from 'node:crypto';

/**
 * The environment the app is served with: production mode (its logging, cookies and checks),
 * the rate limiter raised out of the way (every request comes from 127.0.0.1), warn-level
 * logs, no in-process worker (its outbox would try to mail through the unreachable SMTP_URL
 * that production mode requires to be set). The session issuer must use the same values.
 */
export function benchAppEnv(options: { connectionString: string; dataDir: string; port: number }) {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    BASE_URL: baseUrl,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.connectionString,
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_ACCESS_TTL_MINUTES: '60',
    RATE_LIMIT_MAX: '100000000',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'ecs',
    MFA_REQUIRED_FOR_STAFF: 'false',
    RUN_WORKER_IN_PROCESS: 'false',
    SMTP_URL: 'smtp://127.0.0.1:9',
  } as const;
}

export type BenchAppEnv = ReturnType<typeof benchAppEnv>;

/** Production cookies carry the `__Host-` prefix (see src/shared/http/cookies.ts). */
export const ACCESS_COOKIE = '__Host-baza-access';
