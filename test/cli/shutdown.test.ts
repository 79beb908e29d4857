import { afterAll, beforeAll, expect, it } from 'vitest';
import { createShutdown } from '../../src/cli/shutdown.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let requestArrived: () => void;
const arrived = new Promise<void>((resolve) => (requestArrived = resolve));

beforeAll(async () => {
  t = await createTestApp({
    routes: (app) => {
      app.get('/api/v1/test/slow', async () => {
        requestArrived();
        await new Promise((resolve) => setTimeout(resolve, 400));
        return { finished: true };
      });
    },
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.database.drop());

it('finishes the request in flight, refuses new ones, then closes everything in order', async () => {
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const order: string[] = [];
  const shutdown = createShutdown({
    logger: t.container.logger,
    timeoutMs: 5000,
    markNotReady: () => {
      order.push('not ready');
      t.container.health.markShuttingDown();
    },
    app: t.app,
    worker: { stop: async () => void order.push('worker') },
    closeContainer: async () => {
      order.push('pool');
      await t.container.close();
    },
    stopDatabase: async () => void order.push('database'),
  });

  const inFlight = fetch(`${base}/api/v1/test/slow`);
  await arrived;
  const exitCode = shutdown('SIGTERM');
  await expect(fetch(`${base}/health/ready`)).rejects.toThrow();

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ finished: true });
  expect(await exitCode).toBe(0);
  expect(order).toEqual(['not ready', 'worker', 'pool', 'database']);
});

it('gives up after the hard timeout with exit code 1', async () => {
  const never = new Promise<void>(() => {});
  const shutdown = createShutdown({
    logger: t.container.logger,
    timeoutMs: 200,
    markNotReady: () => {},
    worker: { stop: () => never },
    closeContainer: async () => {},
    stopDatabase: async () => {},
  });
  expect(await shutdown('SIGTERM')).toBe(1);
});
