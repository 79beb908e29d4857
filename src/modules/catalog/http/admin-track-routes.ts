import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Clock } from '../../../shared/application/clock.ts';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { CatalogUseCases } from '../application/use-cases.ts';
import type { TrackStatus as Status } from '../domain/track.ts';
import { localizedBlockers } from './localize.ts';
import {
  AdminTrackSchema,
  Description,
  IdParams,
  NO_NUL,
  NoContent,
  Paging,
  Slug,
  Title,
  TrackListItemSchema,
  TrackStatus,
  trackJson,
} from './schemas.ts';

const tags = ['catalog admin'];
const security = [{ bearerAuth: [] }];

export type CatalogRouteDeps = { useCases: CatalogUseCases; clock: Clock };

/** Tracks for admins and the owner: list, create, edit, publish, delete. */
export function adminTrackRoutes({ useCases, clock }: CatalogRouteDeps) {
  const trackBody = async (request: FastifyRequest, trackId: string) => {
    const track = await useCases.getTrack({ actor: currentUser(request), trackId });
    return trackJson(track, localizedBlockers(track, request));
  };
  return async (app: FastifyInstance) => {
    app.get(
      '/admin/tracks',
      {
        schema: {
          tags,
          security,
          summary: 'Every track, drafts included; search by title or slug',
          querystring: Type.Object({
            status: Type.Optional(TrackStatus),
            q: Type.Optional(Type.String({ maxLength: 100, pattern: NO_NUL })),
            ...Paging,
          }),
          response: { 200: Type.Object({ items: Type.Array(TrackListItemSchema), total: Type.Integer() }) },
        },
      },
      async (request) => {
        const query = request.query as { status?: Status; q?: string; limit: number; offset: number };
        const page = await useCases.listTracks({
          actor: currentUser(request),
          filter: { ...query, q: query.q?.trim() || undefined },
        });
        return {
          items: page.items.map((item) => ({ ...item, updatedAt: item.updatedAt.toISOString() })),
          total: page.total,
        };
      },
    );

    app.post(
      '/admin/tracks',
      {
        schema: {
          tags,
          security,
          summary: 'Create a draft track',
          body: Type.Object({ slug: Slug, title: Title, description: Type.Optional(Description) }),
          response: { 201: AdminTrackSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { slug: string; title: string; description?: string };
        const { id } = await useCases.createTrack({ actor: currentUser(request), ...body, now: clock.now() });
        reply.status(201).header('location', `/api/v1/admin/tracks/${id}`);
        return trackBody(request, id);
      },
    );

    app.get(
      '/admin/tracks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A track with its stages, modules, current settings version and readiness to be published',
          params: IdParams,
          response: { 200: AdminTrackSchema },
        },
      },
      async (request) => trackBody(request, (request.params as { id: string }).id),
    );

    app.patch(
      '/admin/tracks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Edit a track; `status` publishes (every publishing rule checked) or unpublishes it',
          params: IdParams,
          body: Type.Object({
            slug: Type.Optional(Slug),
            title: Type.Optional(Title),
            description: Type.Optional(Description),
            status: Type.Optional(TrackStatus),
          }),
          response: { 200: AdminTrackSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = request.body as { slug?: string; title?: string; description?: string; status?: Status };
        const actor = currentUser(request);
        await useCases.updateTrack({ actor, trackId: id, ...body, origin: originOf(request), now: clock.now() });
        return trackBody(request, id);
      },
    );

    app.delete(
      '/admin/tracks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a draft track no question uses (its stages, modules and settings go with it)',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        await useCases.deleteTrack({
          actor: currentUser(request),
          trackId: id,
          origin: originOf(request),
          now: clock.now(),
        });
        return reply.status(204).send();
      },
    );
  };
}
