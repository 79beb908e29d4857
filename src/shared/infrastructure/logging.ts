import { ecsFormat } from '@elastic/ecs-pino-format';
import { type Logger as PinoLogger, pino } from 'pino';

export type Logger = PinoLogger;

/** Paths never written to a log, whatever logs them. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'refreshToken',
  'accessToken',
  'mfaToken',
  'secret',
  'jwtSecret',
  'databaseUrl',
  'connectionString',
];

/** Paths never written to a log: secret keys at the top level and one or two levels down. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export function createLogger(options: {
  level: string;
  format: 'pretty' | 'ecs';
  destination?: NodeJS.WritableStream;
  /** Log to stderr (one-shot commands, whose stdout is their output). */
  stderr?: boolean;
}): Logger {
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (options.format === 'ecs') {
    return pino(
      { ...ecsFormat({ convertReqRes: false }), level: options.level, redact },
      options.destination ?? (options.stderr ? process.stderr : process.stdout),
    );
  }
  if (options.destination) return pino({ level: options.level, redact }, options.destination);
  return pino({
    level: options.level,
    redact,
    transport: {
      target: 'pino-pretty',
      options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname', destination: options.stderr ? 2 : 1 },
    },
  });
}
