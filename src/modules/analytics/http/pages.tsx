import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Clock } from '../../../shared/application/clock.ts';
import { isUuid } from '../../../shared/domain/ids.ts';
import { pageUser, pageUserGuard } from '../../../shared/http/auth-guards.ts';
import { formFailure } from '../../../shared/http/form-failure.ts';
import { type FormBody, formSchema, pageNumber } from '../../../shared/http/page-forms.ts';
import type { PagesDeps } from '../../../shared/http/pages.ts';
import type { CatalogTrackDirectory } from '../../catalog/index.ts';
import type { AnalyticsActor, AnalyticsUseCases, QuestionSort } from '../application/contract.ts';
import { QUESTION_SORTS } from '../application/contract.ts';
import { assertCanReadQuestionStats, assertCanReadTrackAnalytics } from '../domain/access.ts';
import { AnalyticsTrackNotFoundError } from '../domain/errors.ts';
import { type OutlineNames, QuestionStatsPage, type QuestionStatsForm } from './views/questions-page.tsx';
import { TrackAnalyticsPage } from './views/track-page.tsx';
import { TracksPage } from './views/tracks-page.tsx';

export type AnalyticsPagesDeps = PagesDeps & {
  useCases: AnalyticsUseCases;
  clock: Clock;
  tracks: CatalogTrackDirectory;
};

const PAGE_SIZE = 50;
const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });

const actorOf = (request: FastifyRequest): AnalyticsActor => {
  const user = pageUser(request);
  return { id: user.id, role: user.role };
};

/** A threshold as typed: undefined when empty, NaN when not a number (the use case reports it). */
function threshold(value: string | undefined): number | undefined {
  const text = value?.trim().replace(',', '.');
  if (!text) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

export async function analyticsPages(app: FastifyInstance, deps: AnalyticsPagesDeps): Promise<void> {
  const { renderer, useCases, clock, tracks } = deps;
  const signedIn = { preHandler: [pageUserGuard()] };

  app.get('/admin/analytics', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    assertCanReadQuestionStats(actor);
    const canSeeTracks = actor.role === 'admin' || actor.role === 'owner';
    const list = await tracks.list();
    return renderer.page(
      reply,
      <TracksPage ctx={renderer.context(request, reply)} tracks={list} canSeeTracks={canSeeTracks} />,
    );
  });

  app.get('/admin/analytics/tracks/:id', { ...signedIn, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCanReadTrackAnalytics(actor);
    const { id } = request.params as { id: string };
    const report = await useCases.trackAnalytics({ actor, trackId: id, now: clock.now() });
    return renderer.page(reply, <TrackAnalyticsPage ctx={renderer.context(request, reply)} report={report} />);
  });

  app.get(
    '/admin/analytics/questions',
    {
      ...signedIn,
      schema: {
        querystring: formSchema(
          'trackId',
          'moduleId',
          'minP',
          'maxP',
          'minDiscrimination',
          'flagged',
          'sort',
          'order',
          'page',
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCanReadQuestionStats(actor);
      const query = request.query as FormBody;
      const form: QuestionStatsForm = {
        trackId: isUuid(query.trackId ?? '') ? query.trackId : undefined,
        moduleId: isUuid(query.moduleId ?? '') ? query.moduleId : undefined,
        minP: query.minP?.trim() || undefined,
        maxP: query.maxP?.trim() || undefined,
        minDiscrimination: query.minDiscrimination?.trim() || undefined,
        flagged: query.flagged === 'true' ? 'true' : undefined,
        sort: (QUESTION_SORTS as readonly string[]).includes(query.sort ?? '')
          ? (query.sort as QuestionSort)
          : undefined,
        order: query.order === 'desc' ? 'desc' : query.order === 'asc' ? 'asc' : undefined,
      };
      const page = pageNumber(query.page);
      const list = await tracks.list();
      const base = {
        ctx: renderer.context(request, reply),
        tracks: list,
        form,
        paging: { page, pageSize: PAGE_SIZE, total: 0 },
      };
      if (!form.trackId) {
        return renderer.page(
          reply,
          <QuestionStatsPage {...base} names={undefined} result={undefined} errors={{}} errorMessage={undefined} />,
        );
      }
      const outline = await tracks.outline(form.trackId);
      if (!outline) throw new AnalyticsTrackNotFoundError();
      const names: OutlineNames = {
        modules: new Map(outline.modules.map((module) => [module.id, module.title])),
        stages: new Map(outline.stages.map((stage) => [stage.id, stage.position])),
      };
      try {
        const result = await useCases.questionStats({
          actor,
          trackId: form.trackId,
          minP: threshold(form.minP),
          maxP: threshold(form.maxP),
          minDiscrimination: threshold(form.minDiscrimination),
          moduleId: form.moduleId,
          flaggedOnly: form.flagged === 'true',
          sort: form.sort,
          descending: form.order === 'desc',
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        });
        return renderer.page(
          reply,
          <QuestionStatsPage
            {...base}
            paging={{ page, pageSize: PAGE_SIZE, total: result.total }}
            names={names}
            result={result}
            errors={{}}
            errorMessage={undefined}
          />,
        );
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        return renderer.page(
          reply,
          <QuestionStatsPage
            {...base}
            names={names}
            result={undefined}
            errors={failure.fields}
            errorMessage={failure.message}
          />,
          failure.status,
        );
      }
    },
  );
}
