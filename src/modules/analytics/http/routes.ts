import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Clock } from '../../../shared/application/clock.ts';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import type { AnalyticsActor, AnalyticsUseCases } from '../application/contract.ts';
import { assertCanReadQuestionStats, assertCanReadTrackAnalytics } from '../domain/access.ts';
import {
  QuestionStatsPage,
  QuestionStatsQuery,
  TrackAnalyticsSchema,
  TrackIdParams,
  questionStatJson,
  trackAnalyticsJson,
} from './schemas.ts';

export type AnalyticsRouteDeps = Readonly<{ useCases: AnalyticsUseCases; clock: Clock }>;

const tags = ['analytics'];
const security = [{ bearerAuth: [] }];

const actorOf = (request: FastifyRequest): AnalyticsActor => {
  const user = currentUser(request);
  return { id: user.id, role: user.role };
};

/**
 * Who may ask is settled before the query string is validated, so a guest gets 401 and a
 * student 403 whatever they send (the use cases check again).
 */
const guard = (assert: (actor: AnalyticsActor) => void) => ({
  preValidation: async (request: FastifyRequest) => assert(actorOf(request)),
});

export async function analyticsRoutes(app: FastifyInstance, { useCases, clock }: AnalyticsRouteDeps): Promise<void> {
  // Student data: never kept by a cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get(
    '/admin/tracks/:id/analytics',
    {
      ...guard(assertCanReadTrackAnalytics),
      schema: {
        tags,
        security,
        summary:
          'Track analytics (admins and the owner): students per stage and status, pass rate and mean attempts to pass per level exam and the rank final, approval waiting time',
        params: TrackIdParams,
        response: { 200: TrackAnalyticsSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof TrackIdParams>;
      const report = await useCases.trackAnalytics({ actor: actorOf(request), trackId: id, now: clock.now() });
      return trackAnalyticsJson(report);
    },
  );

  app.get(
    '/admin/questions/stats',
    {
      ...guard(assertCanReadQuestionStats),
      schema: {
        tags,
        security,
        summary:
          'Item statistics of a track’s exam questions (moderators, admins, the owner) over finished, non-annulled level exams and rank finals: answered, p-value, point-biserial discrimination, option counts and flags; 422 for thresholds out of range',
        querystring: QuestionStatsQuery,
        response: { 200: QuestionStatsPage },
      },
    },
    async (request) => {
      const query = request.query as Static<typeof QuestionStatsQuery>;
      const page = await useCases.questionStats({
        actor: actorOf(request),
        trackId: query.trackId,
        minP: query.minP,
        maxP: query.maxP,
        minDiscrimination: query.minDiscrimination,
        moduleId: query.moduleId,
        flaggedOnly: query.flagged,
        sort: query.sort,
        descending: query.order === 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { items: page.items.map(questionStatJson), total: page.total, thresholds: page.thresholds };
    },
  );
}
