import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { openScaledDatabase } from './scaled-database.ts';
import { benchAppEnv } from './app-env.ts';
import type { BenchOptions, ScenarioName } from './args.ts';
import { captureRequestSql } from './capture-sql.ts';
import { assembleCast } from './cast.ts';
import { freePort, maxSampler, type ServerProcess, startServerProcess } from './child-process.ts';
import { runLoad } from './load.ts';
import type { ScaleResult, ScenarioResult } from './report-types.ts';
import { buildScenarios, type Scenario } from './scenarios.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTROL_URL = '/api/v1/articles?limit=20';
const WARM_UP_SECONDS = 1;

/** Provisions a fresh copy of the seeded database, serves the app on it and runs the scenarios. */
export async function benchScale(
  students: number,
  options: BenchOptions,
  selected: ReadonlySet<ScenarioName>,
  log: (line: string) => void,
  inspect: (connectionString: string) => Promise<void>,
): Promise<ScaleResult> {
  const started = performance.now();
  log(`${students.toLocaleString('en-US')} students: preparing the database (seeded once, then copied)…`);
  const database = await openScaledDatabase({ students, fresh: true });
  const databaseSeconds = (performance.now() - started) / 1000;
  await inspect(database.connectionString);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'baza-bench-'));
  const servers: ServerProcess[] = [];
  try {
    const env = benchAppEnv({
      connectionString: database.connectionString,
      dataDir: path.join(workDir, 'data'),
      port: await freePort(),
    });
    const captured = selected.has('control')
      ? await captureRequestSql(database.connectionString, CONTROL_URL)
      : undefined;
    const app = await startServerProcess({
      command: process.execPath,
      args: [path.join(ROOT, 'bin/baza.js'), 'serve'],
      env: { ...process.env, ...env },
      port: Number(env.PORT),
      readyPath: '/health/ready',
      logFile: path.join(workDir, 'app.log'),
    });
    servers.push(app);
    log(`  app pid ${app.pid} at ${app.url} (log ${app.logFile}); signing the students in… ${elapsed(started)}`);
    const cast = await assembleCast({
      env,
      url: app.url,
      students,
      examStarts: Math.max(100, options.durationSeconds * 50),
    });
    const scenarios = buildScenarios(cast, options).filter((scenario) => selected.has(scenario.name));
    log(`  ${cast.studying.length + cast.examinees.length + 1} sessions issued ${elapsed(started)}`);
    const results: ScenarioResult[] = [];
    let control: ScaleResult['control'];
    for (const scenario of scenarios) {
      const result = await measure(app, scenario, options.durationSeconds);
      results.push(result);
      log(`  ${line(result)}`);
      if (scenario.name === 'articles-api' && captured) {
        const server = await startControl(captured.statements, database.connectionString, workDir);
        servers.push(server);
        control = await measureControl(server, app, options);
        if (captured.cachedByApp) {
          const cached =
            'the app answered repeated guest requests from its response cache; the control runs the SQL every time';
          result.note = [result.note, cached].filter(Boolean).join('; ');
        }
        log(`  ${line(control)}${control.sameJson ? '' : '  (ITS JSON DIFFERS FROM THE APP’S)'}`);
        await server.stop();
      }
    }
    return { students, databaseSeconds, scenarios: results, ...(control ? { control } : {}) };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function measure(server: ServerProcess, scenario: Scenario, durationSeconds: number): Promise<ScenarioResult> {
  const amount = scenario.amount;
  const base = { name: scenario.name, title: scenario.title, connections: scenario.connections };
  if (amount === 0) {
    return { ...base, ...empty(), note: 'nothing to do: no attempt was started (see exam-start)' };
  }
  let request;
  try {
    request = scenario.request();
  } catch (error) {
    return { ...base, ...empty(), note: `not run: ${(error as Error).message}` };
  }
  if (!scenario.writes) {
    await runLoad({ url: server.url, connections: scenario.connections, durationSeconds: WARM_UP_SECONDS, request });
    request = scenario.request();
  }
  const { size: logMark } = server.logErrorsSince(0);
  const rss = maxSampler(() => server.rssMb());
  const outcome = await runLoad({
    url: server.url,
    connections: scenario.connections,
    durationSeconds,
    ...(amount === undefined ? {} : { amount }),
    request,
  });
  const serverRssMb = rss.stop();
  const serverErrors = server.logErrorsSince(logMark).lines;
  const notes = [
    scenario.note,
    serverErrors.length > 0
      ? `server logged ${serverErrors.length} errors, first: ${summarize(serverErrors[0]!)}`
      : undefined,
  ];
  const note = notes.filter(Boolean).join('; ');
  return { ...base, ...outcome, serverRssMb, ...(note ? { note } : {}) };
}

async function startControl(
  statements: { text: string; values: unknown[] }[],
  connectionString: string,
  workDir: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const specFile = path.join(workDir, 'control.json');
  writeFileSync(specFile, JSON.stringify({ connectionString, port, poolMax: appPoolSize(), statements }));
  return startServerProcess({
    command: process.execPath,
    args: ['--import', 'tsx', path.join(ROOT, 'bench/control-server.ts')],
    env: { ...process.env, CONTROL_SPEC: specFile, NODE_ENV: 'production' },
    port,
    readyPath: '/health',
    logFile: path.join(workDir, 'control.log'),
  });
}

async function measureControl(
  control: ServerProcess,
  app: ServerProcess,
  options: Pick<BenchOptions, 'connections' | 'durationSeconds'>,
): Promise<NonNullable<ScaleResult['control']>> {
  const bodyOf = async (server: ServerProcess): Promise<unknown> => (await fetch(`${server.url}${CONTROL_URL}`)).json();
  const [appBody, controlBody] = await Promise.all([bodyOf(app), bodyOf(control)]);
  const scenario: Scenario = {
    name: 'control',
    title: 'Control: bare Fastify + pg, same SQL',
    writes: false,
    connections: options.connections,
    request: () => ({ method: 'GET', path: CONTROL_URL }),
  };
  const result = await measure(control, scenario, options.durationSeconds);
  return { ...result, sameJson: isDeepStrictEqual(appBody, controlBody) };
}

/** The app's default pool size, so the control has as many connections as the app. */
function appPoolSize(): number {
  return loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: os.tmpdir() })
    .databasePoolMax;
}

function elapsed(since: number): string {
  return `(${((performance.now() - since) / 1000).toFixed(1)} s)`;
}

function empty() {
  return {
    requests: 0,
    durationSeconds: 0,
    requestsPerSecond: 0,
    latencyMs: { p50: 0, p99: 0 },
    errors: 0,
    statuses: {},
    serverRssMb: null,
  };
}

function summarize(logLine: string): string {
  try {
    const entry = JSON.parse(logLine) as { message?: string; error?: { message?: string }; err?: { message?: string } };
    return [entry.message, entry.error?.message ?? entry.err?.message].filter(Boolean).join(': ').slice(0, 200);
  } catch {
    return logLine.slice(0, 200);
  }
}

function line(result: ScenarioResult): string {
  const rps = result.requestsPerSecond.toFixed(0).padStart(6);
  return `${result.name.padEnd(16)} ${rps} req/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  errors ${result.errors}  rss ${result.serverRssMb?.toFixed(0) ?? '–'} MB`;
}
