import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { CertificateNotFoundError } from '../domain/errors.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import { type AssessmentUseCases, attemptJson } from '../../assessment/index.ts';
import type { ProgressUseCases, StartResult } from '../application/contract.ts';
import { certificateJson, staffRowJson, summaryJson, trackProgressJson } from './routes-json.ts';
import {
  CertificateSchema,
  CodeParams,
  EnrollmentList,
  EnrollmentResult,
  EnrollmentSchema,
  ExtraTimeBody,
  IdParams,
  SlugParams,
  StageParams,
  StaffEnrollmentList,
  StaffListQuery,
  StartResultSchema,
  TrackProgressSchema,
  enrollmentJson,
} from './schemas.ts';

export type ProgressRouteDeps = Readonly<{
  useCases: ProgressUseCases;
  /** Resolved per request: a start answers with the attempt itself. */
  assessment: () => AssessmentUseCases;
}>;

const tags = ['learning'];
const security = [{ bearerAuth: [] }];

/**
 * 201 with a Location for a new attempt, 200 for the one already in progress; the body is the
 * attempt as `GET /attempts/{id}` gives it, plus `attemptId` and `created`.
 */
async function sendStarted(
  reply: FastifyReply,
  request: FastifyRequest,
  deps: ProgressRouteDeps,
  started: StartResult,
) {
  const attempt = await deps.assessment().getAttempt(currentUser(request), started.attemptId);
  return reply
    .status(started.created ? 201 : 200)
    .header('location', `/api/v1/attempts/${started.attemptId}`)
    .send({ ...attemptJson(attempt), ...started });
}

/** Enrolling and starting the journey's attempts. */
async function journeyRoutes(app: FastifyInstance, deps: ProgressRouteDeps): Promise<void> {
  const { useCases } = deps;
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
      return sendStarted(reply, request, deps, await useCases.startDiagnostic(currentUser(request), slug));
    },
  );
}

/** The student's own progress, articles and exams. */
async function meRoutes(app: FastifyInstance, deps: ProgressRouteDeps): Promise<void> {
  const { useCases } = deps;
  app.get(
    '/me/enrollments',
    {
      schema: {
        tags,
        security,
        summary: 'My enrollments with the current stage and progress',
        response: { 200: EnrollmentList },
      },
    },
    async (request) => {
      const items = await useCases.listEnrollments(currentUser(request));
      return { items: items.map(summaryJson), total: items.length };
    },
  );

  app.get(
    '/me/tracks/:slug/progress',
    {
      schema: {
        tags,
        security,
        summary:
          'My progress in a track: stages, mastery per module, weak modules, assignments with reasons, the next step',
        params: SlugParams,
        response: { 200: TrackProgressSchema },
      },
    },
    async (request) => {
      const { slug } = request.params as Static<typeof SlugParams>;
      return trackProgressJson(await useCases.progress(currentUser(request), slug));
    },
  );

  app.post(
    '/me/articles/:id/open',
    {
      schema: {
        tags,
        security,
        summary: 'Mark an assigned article read (done at once when it has no mini-test)',
        params: IdParams,
        response: { 204: { type: 'null', description: 'Marked' } },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      await useCases.openArticle(currentUser(request), id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/me/articles/:id/minitest',
    {
      schema: {
        tags,
        security,
        summary: 'Start the mini-test of an article assigned in the active stage (200 with the one in progress)',
        params: IdParams,
        response: { 200: StartResultSchema, 201: StartResultSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      return sendStarted(reply, request, deps, await useCases.startMinitest(currentUser(request), id));
    },
  );

  app.post(
    '/me/tracks/:slug/stages/:position/level-exam',
    {
      schema: {
        tags,
        security,
        summary:
          'Start the level exam of the active stage once its articles are done (200 with the one in progress); 409 stage_not_active / articles_not_done / already_passed; 429 cooldown',
        params: StageParams,
        response: { 200: StartResultSchema, 201: StartResultSchema },
      },
    },
    async (request, reply) => {
      const { slug, position } = request.params as Static<typeof StageParams>;
      return sendStarted(reply, request, deps, await useCases.startLevelExam(currentUser(request), slug, position));
    },
  );

  app.post(
    '/me/tracks/:slug/rank-final',
    {
      schema: {
        tags,
        security,
        summary:
          'Start the rank final after the last stage (200 with the one in progress); 409 stages_not_completed / already_passed; 429 cooldown',
        params: SlugParams,
        response: { 200: StartResultSchema, 201: StartResultSchema },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as Static<typeof SlugParams>;
      return sendStarted(reply, request, deps, await useCases.startRankFinal(currentUser(request), slug));
    },
  );
}

/** Enrollments for admins and the owner. */
async function adminRoutes(app: FastifyInstance, { useCases }: ProgressRouteDeps): Promise<void> {
  app.get(
    '/admin/enrollments',
    {
      schema: {
        tags,
        security,
        summary: 'Every enrollment, newest first; filter by track, status and student (name or email)',
        querystring: StaffListQuery,
        response: { 200: StaffEnrollmentList },
      },
    },
    async (request) => {
      const query = request.query as Static<typeof StaffListQuery>;
      const page = await useCases.listForStaff(currentUser(request), query);
      return { items: page.items.map(staffRowJson), total: page.total, totalIsCapped: page.totalIsCapped };
    },
  );

  app.patch(
    '/admin/enrollments/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Set the extra time of timed attempts (0..200 %), audited',
        params: IdParams,
        body: ExtraTimeBody,
        response: { 200: EnrollmentSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { extraTimePercent } = request.body as Static<typeof ExtraTimeBody>;
      const enrollment = await useCases.setExtraTime(currentUser(request), id, extraTimePercent, originOf(request));
      return enrollmentJson(enrollment);
    },
  );
}

/** Public certificate verification. */
async function certificateRoutes(app: FastifyInstance, { useCases }: ProgressRouteDeps): Promise<void> {
  app.get(
    '/certificates/:code',
    {
      schema: {
        tags,
        summary: 'Verify a certificate: holder, track, date of issue; 404 for an unknown code',
        params: CodeParams,
        response: { 200: CertificateSchema },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const certificate = await useCases.certificate(code);
      if (!certificate) throw new CertificateNotFoundError();
      return certificateJson(certificate);
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
    await meRoutes(scope, deps);
    await adminRoutes(scope, deps);
  });
  await app.register(async (scope) => certificateRoutes(scope, deps));
}
