import { ecsFormat } from '@elastic/ecs-pino-format';
import { type Logger as PinoLogger, pino } from 'pino';

export type Logger = PinoLogger;

/** Paths never written to a log, whatever logs them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.jwtSecret',
  '*.databaseUrl',
  '*.connectionString',
];

export function createLogger(options: {
  level: string;
  format: 'pretty' | 'ecs';
  destination?: NodeJS.WritableStream;
}): Logger {
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (options.format === 'ecs') {
    return pino(
      { ...ecsFormat({ convertReqRes: false }), level: options.level, redact },
      options.destination ?? process.stdout,
    );
  }
  if (options.destination) return pino({ level: options.level, redact }, options.destination);
  return pino({
    level: options.level,
    redact,
    transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } },
  });
}
