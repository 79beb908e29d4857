import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from './config.ts';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'baza-config-'));
const STRONG = 'x'.repeat(16) + 'y'.repeat(16) + 'z';

describe('loadConfig', () => {
  it('applies defaults and derives BASE_URL from PORT', () => {
    const config = loadConfig({ DATA_DIR: tempDir(), PORT: '4000' });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      baseUrl: 'http://localhost:4000',
      defaultLocale: 'ru',
      logFormat: 'pretty',
      runWorkerInProcess: true,
      databaseUrl: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer in 0..65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer in 0..65535 (got "70000")'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test (got "staging")'],
    [{ DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE must be one of ru, en (got "de")'],
    [{ RUN_WORKER_IN_PROCESS: 'maybe' }, 'RUN_WORKER_IN_PROCESS must be true or false (got "maybe")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a URL'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    const load = () => loadConfig({ DATA_DIR: tempDir(), ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('reads *_FILE secrets and refuses both forms at once', () => {
    const dir = tempDir();
    const file = path.join(dir, 'jwt');
    writeFileSync(file, `${STRONG}\n`);
    expect(loadConfig({ DATA_DIR: dir, JWT_SECRET_FILE: file }).jwtSecret).toBe(STRONG);
    expect(() => loadConfig({ DATA_DIR: dir, JWT_SECRET_FILE: file, JWT_SECRET: STRONG })).toThrow(
      'JWT_SECRET and JWT_SECRET_FILE are both set',
    );
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_URL_FILE: path.join(dir, 'missing') })).toThrow(
      'DATABASE_URL_FILE: cannot read',
    );
  });

  it('generates a development JWT secret once and keeps it in DATA_DIR', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    const second = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      BASE_URL: 'https://baza.example',
      SMTP_URL: 'smtp://mail.example:587',
    };

    it('requires JWT_SECRET and never generates one', () => {
      const dir = tempDir();
      expect(() => loadConfig({ ...production, DATA_DIR: dir })).toThrow('JWT_SECRET is required in production');
      expect(existsSync(path.join(dir, 'jwt-secret'))).toBe(false);
    });

    it.each(['short', 'changeme', 'password'])('refuses the insecure secret %s', (secret) => {
      expect(() => loadConfig({ ...production, DATA_DIR: tempDir(), JWT_SECRET: secret })).toThrow(
        'JWT_SECRET is insecure',
      );
    });

    it('refuses a weak METRICS_TOKEN and a missing BASE_URL', () => {
      expect(() =>
        loadConfig({ ...production, DATA_DIR: tempDir(), JWT_SECRET: STRONG, METRICS_TOKEN: 'abc' }),
      ).toThrow('METRICS_TOKEN is insecure');
      expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir(), JWT_SECRET: STRONG })).toThrow(
        'BASE_URL is required in production',
      );
    });

    it('requires SMTP_URL: sign-up and resets need mail, and one-time links must not be stored', () => {
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          BASE_URL: 'https://baza.example',
          DATA_DIR: tempDir(),
          JWT_SECRET: STRONG,
        }),
      ).toThrow('SMTP_URL is required in production');
    });

    it('turns MFA_REQUIRED_FOR_STAFF on by default', () => {
      expect(loadConfig({ ...production, DATA_DIR: tempDir(), JWT_SECRET: STRONG }).mfaRequiredForStaff).toBe(true);
      expect(loadConfig({ DATA_DIR: tempDir() }).mfaRequiredForStaff).toBe(false);
    });

    it('logs ECS JSON by default', () => {
      expect(loadConfig({ ...production, DATA_DIR: tempDir(), JWT_SECRET: STRONG }).logFormat).toBe('ecs');
    });
  });
});

describe('readEnvironment', () => {
  it('reads .env under the real environment', () => {
    const file = path.join(tempDir(), '.env');
    writeFileSync(file, 'PORT=4100\nDEFAULT_LOCALE=en\n# comment\n');
    const env = readEnvironment({ PORT: '4200' }, file);
    expect(env.PORT).toBe('4200');
    expect(env.DEFAULT_LOCALE).toBe('en');
    expect(readFileSync(file, 'utf8')).toContain('PORT=4100');
  });
});

describe('file storage configuration', () => {
  const S3 = {
    S3_ENDPOINT: 'http://127.0.0.1:9000/',
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'baza-files',
    S3_ACCESS_KEY_ID: 'key',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps files in DATA_DIR/files unless S3 is configured', () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir }).fileStorage).toEqual({ kind: 'local', directory: path.join(dir, 'files') });
  });

  it('uses S3 when S3_BUCKET and its credentials are set', () => {
    const config = loadConfig({ DATA_DIR: tempDir(), ...S3, S3_FORCE_PATH_STYLE: 'true' });
    expect(config.fileStorage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'baza-files',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    const { S3_ENDPOINT: _endpoint, ...aws } = S3;
    expect(loadConfig({ DATA_DIR: tempDir(), ...aws }).fileStorage).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
    });
  });

  it('reads the secret key from S3_SECRET_ACCESS_KEY_FILE', () => {
    const dir = tempDir();
    const file = path.join(dir, 's3-secret');
    writeFileSync(file, 'from-file\n');
    const { S3_SECRET_ACCESS_KEY: _secret, ...rest } = S3;
    const config = loadConfig({ DATA_DIR: dir, ...rest, S3_SECRET_ACCESS_KEY_FILE: file });
    expect(config.fileStorage).toMatchObject({ kind: 's3', secretAccessKey: 'from-file' });
  });

  it.each([
    [{ S3_BUCKET: 'baza' }, 'S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are missing'],
    [{ ...S3, S3_SECRET_ACCESS_KEY: '' }, 'S3_SECRET_ACCESS_KEY is missing'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are missing'],
    [{ ...S3, S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET must be a bucket name'],
    [{ ...S3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT must be a URL'],
    [{ ...S3, S3_FORCE_PATH_STYLE: 'yes please' }, 'S3_FORCE_PATH_STYLE must be true or false'],
  ])('refuses a partial or invalid S3 configuration %j at start', (env, message) => {
    const load = () => loadConfig({ DATA_DIR: tempDir(), ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });
});
