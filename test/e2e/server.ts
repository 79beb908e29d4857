import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../src/shared/infrastructure/db/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    owner: { email: string; password: string };
    /** The server's DATA_DIR: a test reaches its embedded PostgreSQL (and runs `baza` CLI commands) through it. */
    dataDir: string;
  }
}

const OWNER = { email: 'owner@e2e.test', password: 'the owner of this e2e school' };

/** The real thing, as `npm start` runs it: `baza migrate up`, then `baza serve`, on embedded PostgreSQL. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baza-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Links in mail point here: the same origin the browser uses, so its cookies apply.
    BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'ecs',
  };
  delete env.DATABASE_URL;
  const migrate = spawnSync(process.execPath, ['bin/baza.js', 'migrate', 'up'], { env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`baza migrate up failed:\n${migrate.stderr}${migrate.stdout}`);
  // The owner the way an operator makes it: the CLI, with the password on stdin.
  const owner = spawnSync(
    process.execPath,
    ['bin/baza.js', 'user', 'create-owner', '--email', OWNER.email, '--name', 'E2E Owner', '--locale', 'en'],
    { env, encoding: 'utf8', input: `${OWNER.password}\n` },
  );
  if (owner.status !== 0) throw new Error(`baza user create-owner failed:\n${owner.stderr}${owner.stdout}`);

  const server = spawn(process.execPath, ['bin/baza.js', 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}/health/ready`, server);
  project.provide('baseUrl', baseUrl);
  project.provide('owner', OWNER);
  project.provide('dataDir', dataDir);

  return async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`baza serve exited with ${server.exitCode}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready within 60 s`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}
