import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import type { ProgressUseCases, StartResult } from '../application/contract.ts';
import { EnrollmentResult, SlugParams, StartResultSchema, enrollmentJson } from './schemas.ts';

export type ProgressRouteDeps = Readonly<{ useCases: ProgressUseCases }>;

const tags = ['learning'];
const security = [{ bearerAuth: [] }];

/** 201 with a Location for a new attempt, 200 for the one already in progress. */
export function sendStarted(reply: FastifyReply, started: StartResult) {
  const status = started.created ? 201 : 200;
  return reply.status(status).header('location', `/api/v1/attempts/${started.attemptId}`).send(started);
}

/** Enrolling and starting the journey's attempts. */
async function journeyRoutes(app: FastifyInstance, { useCases }: ProgressRouteDeps): Promise<void> {
  app.post(
    '/tracks/:slug/enrollment',
    {
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Enroll in a published track: 201 when new, 200 when already enrolled (Idempotency-Key accepted)',
        params: SlugParams,
        response: { 200: EnrollmentResult, 201: EnrollmentResult },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as Static<typeof SlugParams>;
      const { enrollment, created } = await useCases.enroll(currentUser(request), slug);
      return reply.status(created ? 201 : 200).send({ enrollment: enrollmentJson(enrollment) });
    },
  );

  app.post(
    '/me/tracks/:slug/diagnostic',
    {
      schema: {
        tags,
        security,
        summary:
          'Start the one-time diagnostic: 201 with the new attempt, 200 with the one in progress; 409 once it is taken',
        params: SlugParams,
        response: { 200: StartResultSchema, 201: StartResultSchema },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as Static<typeof SlugParams>;
      return sendStarted(reply, await useCases.startDiagnostic(currentUser(request), slug));
    },
  );
}

/** The progress module's JSON API (under /api/v1). */
export async function progressRoutes(app: FastifyInstance, deps: ProgressRouteDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });
    await journeyRoutes(scope, deps);
  });
}
