import type { FastifyInstance } from 'fastify';
import type { Logger } from '../shared/infrastructure/logging.ts';

export type ShutdownSteps = {
  logger: Logger;
  timeoutMs: number;
  markNotReady: () => void;
  app?: FastifyInstance | undefined;
  worker?: { stop(): Promise<void> } | undefined;
  closeContainer: () => Promise<void>;
  stopDatabase: () => Promise<void>;
};

/**
 * The shutdown order: readiness goes 503, the HTTP server stops accepting and finishes the
 * requests in flight, the worker finishes its jobs, the pool closes, and embedded PostgreSQL
 * stops last. Resolves to the exit code: 1 if a step failed or the hard timeout struck.
 */
export function createShutdown(steps: ShutdownSteps): (reason: string) => Promise<number> {
  let running: Promise<number> | undefined;
  return (reason) => {
    running ??= run(reason);
    return running;
  };

  async function run(reason: string): Promise<number> {
    steps.logger.info({ reason }, 'shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        steps.logger.error({ timeoutMs: steps.timeoutMs }, 'shutdown timed out');
        resolve(1);
      }, steps.timeoutMs);
      timer.unref();
    });
    const sequence = (async () => {
      let code = 0;
      const step = async (name: string, action: () => Promise<void>) => {
        try {
          await action();
        } catch (error) {
          code = 1;
          steps.logger.error({ err: error, step: name }, 'shutdown step failed');
        }
      };
      steps.markNotReady();
      await step('http', async () => steps.app?.close());
      await step('worker', async () => steps.worker?.stop());
      await step('database pool', steps.closeContainer);
      await step('embedded database', steps.stopDatabase);
      return code;
    })();
    const code = await Promise.race([sequence, timeout]);
    clearTimeout(timer);
    if (code !== 0) {
      // Whatever hung, embedded PostgreSQL must not be left running without its owner.
      await Promise.race([steps.stopDatabase().catch(() => {}), delay(5_000)]);
    }
    steps.logger.info({ code }, 'shutdown complete');
    return code;
  }
}

/** Runs `shutdown` once on SIGTERM or SIGINT, then exits with its code. */
export function exitOnSignals(shutdown: (reason: string) => Promise<number>, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then((code) => {
        logger.flush?.();
        process.exit(code);
      });
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
