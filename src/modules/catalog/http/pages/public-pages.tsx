import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { TrackPage } from '../views/public/track-page.tsx';
import { TracksPage } from '../views/public/tracks-page.tsx';
import type { CatalogPagesDeps } from './deps.ts';
import { type FormBody, formSchema, pageNumber } from './page-support.ts';

const PAGE_SIZE = 24;

/** The published catalog for everyone: a draft or unknown track is the 404 page. */
export async function publicPages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  const { renderer, useCases } = deps;

  app.get(
    '/tracks',
    { config: { publicCache: true }, schema: { querystring: formSchema('page') } },
    async (request, reply) => {
      const page = pageNumber((request.query as FormBody).page);
      const list = await useCases.listPublishedTracks({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      const view = <TracksPage ctx={renderer.context(request, reply)} list={list} page={page} pageSize={PAGE_SIZE} />;
      return renderer.page(reply, view);
    },
  );

  app.get(
    '/tracks/:slug',
    { config: { publicCache: true }, schema: { params: Type.Object({ slug: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const track = await useCases.getPublishedTrack(request.params as { slug: string });
      return renderer.page(reply, <TrackPage ctx={renderer.context(request, reply)} track={track} />);
    },
  );
}
