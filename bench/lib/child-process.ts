import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type ServerProcess = {
  url: string;
  pid: number;
  logFile: string;
  /** The resident set of the process now, MB (VmRSS); null where /proc is missing. */
  rssMb(): number | null;
  /** Log lines at error level or above written since `fromByte`, and the log's current size. */
  logErrorsSince(fromByte: number): { lines: string[]; size: number };
  stop(): Promise<void>;
};

/**
 * Starts a server as a child process with its output in `logFile`, and waits until
 * `readyPath` answers 200 (the process exiting first is an error showing the log's tail).
 */
export async function startServerProcess(options: {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  logFile: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const log = createWriteStream(options.logFile);
  const child = spawn(options.command, options.args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(child, exited, `${url}${options.readyPath}`, options.logFile, options.timeoutMs ?? 60_000);
  return {
    url,
    pid: child.pid!,
    logFile: options.logFile,
    rssMb: () => readRssMb(child.pid!),
    logErrorsSince: (fromByte) => errorLinesSince(options.logFile, fromByte),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

async function waitUntilReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  readyUrl: string,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`the server exited (${exitCode}) before it was ready:\n${tail(logFile)}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not ready at ${readyUrl} within ${timeoutMs} ms:\n${tail(logFile)}`);
}

function readRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const ERROR_LEVELS = /"(?:log\.level|level)":\s*(?:"(?:error|fatal)"|5\d)/;

function errorLinesSince(logFile: string, fromByte: number): { lines: string[]; size: number } {
  const content = readFileSync(logFile);
  const lines = content
    .subarray(fromByte)
    .toString('utf8')
    .split('\n')
    .filter((line) => ERROR_LEVELS.test(line));
  return { lines, size: content.length };
}

function tail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Samples a value every `everyMs` and keeps the highest. */
export function maxSampler(sample: () => number | null, everyMs = 100) {
  let max: number | null = sample();
  const timer = setInterval(() => {
    const value = sample();
    if (value !== null && (max === null || value > max)) max = value;
  }, everyMs);
  return {
    stop(): number | null {
      clearInterval(timer);
      const value = sample();
      if (value !== null && (max === null || value > max)) max = value;
      return max;
    },
  };
}
