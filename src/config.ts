import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';

const Bool = (defaultValue: boolean) => Type.Boolean({ default: defaultValue });
const Port = (defaultValue: number) => Type.Integer({ minimum: 0, maximum: 65535, default: defaultValue });
const Url = (protocols: string) => Type.String({ pattern: `^(${protocols})://\\S+$` });

export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ minLength: 1, default: 'localhost' }),
  PORT: Port(3000),
  BASE_URL: Type.Optional(Url('https?')),
  DATA_DIR: Type.String({ minLength: 1, default: './.data' }),
  DATABASE_URL: Type.Optional(Url('postgres|postgresql')),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  EMBEDDED_PG_PORT: Port(0),
  JWT_SECRET: Type.Optional(Type.String()),
  REDIS_URL: Type.Optional(Url('rediss?')),
  DEFAULT_LOCALE: Type.Union([Type.Literal('ru'), Type.Literal('en')], { default: 'ru' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  LOG_FORMAT: Type.Optional(Type.Union([Type.Literal('pretty'), Type.Literal('ecs')])),
  METRICS_TOKEN: Type.Optional(Type.String()),
  TRUSTED_PROXIES: Type.String({ default: '' }),
  CORS_ORIGINS: Type.String({ default: '' }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, default: 60 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  RUN_WORKER_IN_PROCESS: Bool(true),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  IDEMPOTENCY_TTL_HOURS: Type.Integer({ minimum: 1, default: 24 }),
  OUTBOX_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 7 }),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 10, default: 1000 }),
  JWT_ACCESS_TTL_MINUTES: Type.Integer({ minimum: 1, maximum: 60, default: 15 }),
  REFRESH_IDLE_TIMEOUT_HOURS: Type.Integer({ minimum: 1, default: 14 * 24 }),
  REFRESH_ABSOLUTE_LIFETIME_HOURS: Type.Integer({ minimum: 1, default: 30 * 24 }),
  ARGON2_MEMORY_KIB: Type.Integer({ minimum: 8192, maximum: 4_194_304, default: 19_456 }),
  ARGON2_ITERATIONS: Type.Integer({ minimum: 1, maximum: 20, default: 2 }),
  ARGON2_PARALLELISM: Type.Integer({ minimum: 1, maximum: 16, default: 1 }),
  MFA_REQUIRED_FOR_STAFF: Type.Optional(Type.Boolean()),
  SMTP_URL: Type.Optional(Url('smtps?')),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Baza <no-reply@localhost>' }),
  OWNER_EMAIL: Type.Optional(Type.String({ minLength: 3 })),
  OWNER_PASSWORD: Type.Optional(Type.String()),
  OWNER_NAME: Type.Optional(Type.String({ minLength: 1 })),
  S3_ENDPOINT: Type.Optional(Url('https?')),
  S3_REGION: Type.Optional(
    Type.String({ minLength: 1, pattern: '^[a-z0-9-]+$', description: 'must be a region name such as us-east-1' }),
  ),
  S3_BUCKET: Type.Optional(
    Type.String({
      minLength: 3,
      maxLength: 63,
      pattern: '^[a-z0-9][a-z0-9.-]+[a-z0-9]$',
      description: 'must be a bucket name (3-63 lowercase letters, digits, dots and hyphens)',
    }),
  ),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  S3_FORCE_PATH_STYLE: Bool(false),
});

type RawConfig = Static<typeof ConfigSchema>;

export type Config = Readonly<{
  nodeEnv: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  embeddedPgPort: number;
  jwtSecret: string;
  redisUrl: string | undefined;
  defaultLocale: 'ru' | 'en';
  logLevel: string;
  logFormat: 'pretty' | 'ecs';
  metricsToken: string | undefined;
  trustedProxies: readonly string[];
  corsOrigins: readonly string[];
  rateLimit: Readonly<{ max: number; windowSeconds: number }>;
  bodyLimitBytes: number;
  runWorkerInProcess: boolean;
  shutdownTimeoutMs: number;
  idempotencyTtlHours: number;
  outboxRetentionDays: number;
  outboxPollMs: number;
  jwtAccessTtlMinutes: number;
  refreshIdleTimeoutHours: number;
  refreshAbsoluteLifetimeHours: number;
  argon2: Readonly<{ memoryKib: number; iterations: number; parallelism: number }>;
  mfaRequiredForStaff: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  owner: Readonly<{ email: string | undefined; password: string | undefined; name: string | undefined }>;
  /** Where uploaded files live: `DATA_DIR/files`, or an S3-compatible bucket when `S3_BUCKET` is set. */
  fileStorage: FileStorageConfig;
}>;

export type FileStorageConfig =
  | Readonly<{ kind: 'local'; directory: string }>
  | Readonly<{
      kind: 's3';
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    }>;

/** Variables that may be given as `<NAME>_FILE` pointing at a file holding the secret. */
const SECRET_VARIABLES = [
  'DATABASE_URL',
  'JWT_SECRET',
  'REDIS_URL',
  'METRICS_TOKEN',
  'SMTP_URL',
  'OWNER_PASSWORD',
  'S3_SECRET_ACCESS_KEY',
] as const;
const INSECURE_SECRETS = new Set(['change-me', 'changeme', 'secret', 'password', 'development']);
const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Environment = Record<string, string | undefined>;

/** Reads `.env` (if present) under the real environment: variables already set always win. */
export function readEnvironment(env: Environment = process.env, envFile = '.env'): Environment {
  if (!existsSync(envFile)) return { ...env };
  const fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  return { ...fromFile, ...env };
}

export function loadConfig(env: Environment): Config {
  const raw = parseRaw(resolveSecretFiles(env));
  const production = raw.NODE_ENV === 'production';
  if (production) assertProductionSecrets(raw);
  const dataDir = path.resolve(raw.DATA_DIR);
  return Object.freeze({
    nodeEnv: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    baseUrl: (raw.BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: raw.DATABASE_URL,
    databasePoolMax: raw.DATABASE_POOL_MAX,
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    jwtSecret: raw.JWT_SECRET ?? developmentSecret(dataDir),
    redisUrl: raw.REDIS_URL,
    defaultLocale: raw.DEFAULT_LOCALE,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT ?? (production ? 'ecs' : 'pretty'),
    metricsToken: raw.METRICS_TOKEN,
    trustedProxies: Object.freeze(list(raw.TRUSTED_PROXIES)),
    corsOrigins: Object.freeze(list(raw.CORS_ORIGINS)),
    rateLimit: Object.freeze({ max: raw.RATE_LIMIT_MAX, windowSeconds: raw.RATE_LIMIT_WINDOW_SECONDS }),
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    runWorkerInProcess: raw.RUN_WORKER_IN_PROCESS,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    idempotencyTtlHours: raw.IDEMPOTENCY_TTL_HOURS,
    outboxRetentionDays: raw.OUTBOX_RETENTION_DAYS,
    outboxPollMs: raw.OUTBOX_POLL_MS,
    jwtAccessTtlMinutes: raw.JWT_ACCESS_TTL_MINUTES,
    refreshIdleTimeoutHours: raw.REFRESH_IDLE_TIMEOUT_HOURS,
    refreshAbsoluteLifetimeHours: raw.REFRESH_ABSOLUTE_LIFETIME_HOURS,
    argon2: Object.freeze({
      memoryKib: raw.ARGON2_MEMORY_KIB,
      iterations: raw.ARGON2_ITERATIONS,
      parallelism: raw.ARGON2_PARALLELISM,
    }),
    mfaRequiredForStaff: raw.MFA_REQUIRED_FOR_STAFF ?? production,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    owner: Object.freeze({ email: raw.OWNER_EMAIL, password: raw.OWNER_PASSWORD, name: raw.OWNER_NAME }),
    fileStorage: fileStorageConfig(raw, dataDir),
  });
}

const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** All or nothing: any S3_* variable set means S3 storage, and then every required one must be. */
function fileStorageConfig(raw: RawConfig, dataDir: string): FileStorageConfig {
  const anySet = [...S3_REQUIRED, 'S3_ENDPOINT' as const].some((name) => raw[name] !== undefined);
  if (!anySet) return Object.freeze({ kind: 'local', directory: path.join(dataDir, 'files') });
  const missing = S3_REQUIRED.filter((name) => raw[name] === undefined);
  if (missing.length > 0 || !raw.S3_BUCKET || !raw.S3_REGION || !raw.S3_ACCESS_KEY_ID || !raw.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      `S3 storage is partly configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing ` +
        `(set ${S3_REQUIRED.join(', ')} and optionally S3_ENDPOINT, S3_FORCE_PATH_STYLE; or none for local storage)`,
    );
  }
  return Object.freeze({
    kind: 's3',
    endpoint: raw.S3_ENDPOINT?.replace(/\/+$/, ''),
    region: raw.S3_REGION,
    bucket: raw.S3_BUCKET,
    accessKeyId: raw.S3_ACCESS_KEY_ID,
    secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE,
  });
}

function resolveSecretFiles(env: Environment): Environment {
  const resolved: Environment = { ...env };
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) throw new ConfigError(`${name} and ${name}_FILE are both set; set only one`);
    try {
      resolved[name] = readFileSync(file, 'utf8').trim();
    } catch {
      throw new ConfigError(`${name}_FILE: cannot read ${file}`);
    }
  }
  return resolved;
}

function parseRaw(env: Environment): RawConfig {
  const known: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') known[key] = value;
  }
  const candidate = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, { ...known }));
  const firstError = Value.Errors(ConfigSchema, candidate)[0];
  if (!firstError) return candidate as RawConfig;
  const name = firstError.instancePath.replace(/^\//, '').split('/')[0] ?? '';
  throw new ConfigError(`${name} ${describeExpectation(name)} (got ${JSON.stringify(known[name])})`);
}

function describeExpectation(name: string): string {
  const schema = (ConfigSchema.properties as unknown as Record<string, Record<string, unknown>>)[name];
  if (!schema) return 'is invalid';
  if (typeof schema.description === 'string') return schema.description;
  const anyOf = schema.anyOf as { const: string }[] | undefined;
  if (anyOf) return `must be one of ${anyOf.map((option) => option.const).join(', ')}`;
  if (typeof schema.pattern === 'string') return `must be a URL matching ${schema.pattern}`;
  if (schema.type === 'integer') {
    const range = [schema.minimum, schema.maximum].map((bound) => (typeof bound === 'number' ? bound : '…')).join('..');
    return `must be an integer in ${range}`;
  }
  if (schema.type === 'boolean') return 'must be true or false';
  return 'must not be empty';
}

function assertProductionSecrets(raw: RawConfig): void {
  if (!raw.JWT_SECRET) throw new ConfigError('JWT_SECRET is required in production (or JWT_SECRET_FILE)');
  assertStrongSecret('JWT_SECRET', raw.JWT_SECRET);
  if (raw.METRICS_TOKEN !== undefined) assertStrongSecret('METRICS_TOKEN', raw.METRICS_TOKEN);
  if (!raw.BASE_URL) throw new ConfigError('BASE_URL is required in production (the public https:// address)');
  // Without it mail (carrying one-time links) would only be stored, and nobody could sign up.
  if (!raw.SMTP_URL)
    throw new ConfigError('SMTP_URL is required in production (sign-up and password resets send mail)');
}

function assertStrongSecret(name: string, value: string): void {
  if (value.length < MIN_SECRET_LENGTH || INSECURE_SECRETS.has(value.toLowerCase())) {
    throw new ConfigError(`${name} is insecure: use at least ${MIN_SECRET_LENGTH} random characters`);
  }
}

/** Outside production an unset JWT_SECRET is generated once and kept in DATA_DIR. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
