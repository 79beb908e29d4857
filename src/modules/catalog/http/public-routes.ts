import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CatalogUseCases } from '../application/use-cases.ts';
import { Paging, PublicTrackSchema, SlugParams, TrackCardSchema } from './schemas.ts';

const tags = ['catalog'];

/** The published catalog, for everyone (drafts never show). */
export function publicRoutes(useCases: CatalogUseCases) {
  return async (app: FastifyInstance) => {
    app.get(
      '/tracks',
      {
        config: { publicCache: true },
        schema: {
          tags,
          summary: 'Published tracks, by title',
          querystring: Type.Object(Paging),
          response: { 200: Type.Object({ items: Type.Array(TrackCardSchema), total: Type.Integer() }) },
        },
      },
      async (request) => useCases.listPublishedTracks(request.query as { limit: number; offset: number }),
    );

    app.get(
      '/tracks/:slug',
      {
        config: { publicCache: true },
        schema: {
          tags,
          summary: 'A published track with its stages and modules in order',
          params: SlugParams,
          response: { 200: PublicTrackSchema },
        },
      },
      async (request) => useCases.getPublishedTrack(request.params as { slug: string }),
    );
  };
}
