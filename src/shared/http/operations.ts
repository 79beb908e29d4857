import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Health } from '../infrastructure/health.ts';
import type { Metrics } from '../infrastructure/metrics.ts';
import { sendProblem } from './problem.ts';

const CheckStatus = Type.Union([Type.Literal('ok'), Type.Literal('fail')]);
const ReadinessBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail'), Type.Literal('shutting_down')]),
  checks: Type.Record(Type.String(), CheckStatus),
});

/** Liveness, readiness and Prometheus metrics: outside /api/v1 and outside the rate limit. */
export async function operationsRoutes(
  app: FastifyInstance,
  options: { health: Health; metrics: Metrics; metricsToken: string | undefined },
) {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is running',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Dependencies answer: PostgreSQL, and Redis when configured',
        description: '503 names the failing check, or `shutting_down` while the process drains.',
        response: { 200: ReadinessBody, 503: ReadinessBody },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const readiness = await options.health.readiness();
      reply.header('cache-control', 'no-store');
      return reply.status(readiness.ready ? 200 : 503).send({ status: readiness.status, checks: readiness.checks });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (Authorization: Bearer METRICS_TOKEN)',
        security: [{ metricsToken: [] }],
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const token = options.metricsToken;
      if (!token) return sendProblem(reply, { status: 404, code: 'not_found' });
      if (!bearerMatches(request.headers.authorization, token)) {
        return sendProblem(reply, { status: 401, code: 'unauthorized', headers: { 'www-authenticate': 'Bearer' } });
      }
      reply.type(options.metrics.registry.contentType);
      return options.metrics.registry.metrics();
    },
  );
}

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
