import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { createContainer } from '../../src/composition-root.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/shared/infrastructure/logging.ts';

export type CapturedStatement = { text: string; values: unknown[] };
export type CapturedRequest = {
  statements: CapturedStatement[];
  status: number;
  body: string;
  /** The same request again sent no SELECT: the app answered it from a response cache. */
  cachedByApp: boolean;
};

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * The SQL the real app sends for one request: the app is built in this process (as `serve`
 * builds it) and every pg client query issued while it answers `url` is recorded. The control
 * server replays exactly these statements, so it cannot drift from the app's code path.
 */
export async function captureRequestSql(connectionString: string, url: string): Promise<CapturedRequest> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baza-bench-capture-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '1000000',
    RUN_WORKER_IN_PROCESS: 'false',
  });
  const logger = createLogger({ level: 'silent', format: 'ecs' });
  const container = createContainer({ config, logger, connectionString });
  const app = await buildApp(container);
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  try {
    await app.ready();
    // The first request: a response cache in the app would answer later ones without SQL.
    const statements: CapturedStatement[] = [];
    prototype.query = function recordingQuery(this: pg.Client, ...args: unknown[]) {
      const statement = statementOf(args);
      if (statement && /^\s*(select|with)\b/i.test(statement.text)) statements.push(statement);
      return original.apply(this, args);
    };
    const response = await app.inject({ method: 'GET', url });
    if (statements.length === 0) {
      throw new Error(`GET ${url} sent no SELECT through pg: nothing for the control to replay`);
    }
    const first = statements.splice(0);
    await app.inject({ method: 'GET', url });
    prototype.query = original;
    return {
      statements: first,
      status: response.statusCode,
      body: response.body,
      cachedByApp: statements.length === 0,
    };
  } finally {
    prototype.query = original;
    await app.close();
    await container.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function statementOf(args: unknown[]): CapturedStatement | undefined {
  const [first, second] = args;
  if (typeof first === 'string') return { text: first, values: Array.isArray(second) ? second : [] };
  if (typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string') {
    const values =
      'values' in first && Array.isArray(first.values) ? first.values : Array.isArray(second) ? second : [];
    return { text: first.text, values };
  }
  return undefined;
}
