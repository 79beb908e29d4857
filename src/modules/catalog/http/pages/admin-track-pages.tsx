import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { TRACK_STATUSES, type TrackStatus } from '../../domain/track.ts';
import { localizedBlockers } from '../localize.ts';
import { AdminTrackPage } from '../views/admin/track-page.tsx';
import { AdminTracksPage } from '../views/admin/tracks-page.tsx';
import type { CatalogPagesDeps } from './deps.ts';
import { attempt, type FormBody, type FormProblem, formSchema, pageNumber } from './page-support.ts';

const PAGE_SIZE = 20;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The track list with its create form, and one track's page with its details, publishing and deletion. */
export async function adminTrackPages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  async function listPage(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const raw = request.query as FormBody;
    const status = TRACK_STATUSES.find((value) => value === raw.status);
    const query = { q: raw.q?.trim().slice(0, 100) || undefined, status, page: pageNumber(raw.page) };
    const list = await useCases.listTracks({
      actor: pageUser(request),
      filter: { q: query.q, status, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE },
    });
    const view = (
      <AdminTracksPage
        ctx={renderer.context(request, reply)}
        query={query}
        list={list}
        pageSize={PAGE_SIZE}
        problem={problem}
      />
    );
    return renderer.page(reply, view, problem?.status ?? 200);
  }

  async function trackPage(request: FastifyRequest, reply: FastifyReply, trackId: string, problem?: FormProblem) {
    const track = await useCases.getTrack({ actor: pageUser(request), trackId });
    const view = (
      <AdminTrackPage
        ctx={renderer.context(request, reply)}
        track={track}
        blockers={localizedBlockers(track, request)}
        problem={problem}
      />
    );
    return renderer.page(reply, view, problem?.status ?? 200);
  }

  app.get(
    '/admin/tracks',
    { ...signedIn, schema: { querystring: formSchema('q', 'status', 'page') } },
    (request, reply) => listPage(request, reply),
  );

  app.post(
    '/admin/tracks',
    { ...signedIn, schema: { body: formSchema('slug', 'title', 'description') } },
    async (request, reply) => {
      const body = request.body as FormBody;
      let id = '';
      const problem = await attempt(request, 'new-track', body, async () => {
        const input = { slug: body.slug?.trim() ?? '', title: body.title ?? '', description: body.description ?? '' };
        ({ id } = await useCases.createTrack({ actor: pageUser(request), ...input, now: clock.now() }));
      });
      if (problem) return listPage(request, reply, problem);
      flash.set(reply, { kind: 'success', message: 'catalog.flash.trackCreated' });
      return reply.redirect(`/admin/tracks/${id}`, 303);
    },
  );

  app.get('/admin/tracks/:id', { ...signedIn, schema: { params: IdParams } }, (request, reply) =>
    trackPage(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    '/admin/tracks/:id',
    { ...signedIn, schema: { params: IdParams, body: formSchema('slug', 'title', 'description') } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const problem = await attempt(request, 'details', body, () =>
        useCases.updateTrack({
          actor: pageUser(request),
          trackId: id,
          slug: body.slug?.trim() ?? '',
          title: body.title ?? '',
          description: body.description ?? '',
          now: clock.now(),
        }),
      );
      if (problem) return trackPage(request, reply, id, problem);
      flash.set(reply, { kind: 'success', message: 'catalog.flash.trackSaved' });
      return reply.redirect(`/admin/tracks/${id}`, 303);
    },
  );

  app.post(
    '/admin/tracks/:id/status',
    { ...signedIn, schema: { params: IdParams, body: formSchema('status') } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const status: TrackStatus = (request.body as FormBody).status === 'published' ? 'published' : 'draft';
      const problem = await attempt(request, 'status', {}, () =>
        useCases.updateTrack({
          actor: pageUser(request),
          trackId: id,
          status,
          origin: originOf(request),
          now: clock.now(),
        }),
      );
      if (problem) return trackPage(request, reply, id, problem);
      const message = status === 'published' ? 'catalog.flash.trackPublished' : 'catalog.flash.trackUnpublished';
      flash.set(reply, { kind: 'success', message });
      return reply.redirect(`/admin/tracks/${id}`, 303);
    },
  );

  app.post(
    '/admin/tracks/:id/delete',
    { ...signedIn, schema: { params: IdParams, body: formSchema() } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const problem = await attempt(request, 'delete', {}, () =>
        useCases.deleteTrack({ actor: pageUser(request), trackId: id, origin: originOf(request), now: clock.now() }),
      );
      if (problem) return trackPage(request, reply, id, problem);
      flash.set(reply, { kind: 'success', message: 'catalog.flash.trackDeleted' });
      return reply.redirect('/admin/tracks', 303);
    },
  );
}
