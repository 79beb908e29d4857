import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import type { CatalogRouteDeps } from './admin-track-routes.ts';
import { Description, IdParams, ModuleSchema, NoContent, Position, Slug, StageSchema, Title } from './schemas.ts';

const tags = ['catalog admin'];
const security = [{ bearerAuth: [] }];
type Fields = { slug?: string; title?: string; description?: string; position?: number };

/** Stages and modules of a track: add (appended), edit, move to another position, delete when unused. */
export function adminStructureRoutes({ useCases, clock }: CatalogRouteDeps) {
  return async (app: FastifyInstance) => {
    const ids = (params: unknown) => (params as { id: string }).id;

    app.post(
      '/admin/tracks/:id/stages',
      {
        schema: {
          tags,
          security,
          summary: 'Append a stage to a draft track',
          params: IdParams,
          body: Type.Object({ title: Title, description: Type.Optional(Description) }),
          response: { 201: StageSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { title: string; description?: string };
        const actor = currentUser(request);
        const stage = await useCases.addStage({ actor, trackId: ids(request.params), ...body, now: clock.now() });
        return reply.status(201).send(stage);
      },
    );

    app.patch(
      '/admin/stages/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Edit a stage, or move it to another position (the stages in between shift)',
          params: IdParams,
          body: Type.Object({
            title: Type.Optional(Title),
            description: Type.Optional(Description),
            position: Type.Optional(Position),
          }),
          response: { 200: StageSchema },
        },
      },
      async (request) => {
        const body = request.body as Fields;
        return useCases.updateStage({
          actor: currentUser(request),
          stageId: ids(request.params),
          ...body,
          now: clock.now(),
        });
      },
    );

    app.delete(
      '/admin/stages/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a stage no question uses; the stages after it move up',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await useCases.deleteStage({ actor: currentUser(request), stageId: ids(request.params), now: clock.now() });
        return reply.status(204).send();
      },
    );

    app.post(
      '/admin/tracks/:id/modules',
      {
        schema: {
          tags,
          security,
          summary: 'Append a module to a draft track (its slug is unique in the track)',
          params: IdParams,
          body: Type.Object({ slug: Slug, title: Title, description: Type.Optional(Description) }),
          response: { 201: ModuleSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { slug: string; title: string; description?: string };
        const actor = currentUser(request);
        const module = await useCases.addModule({ actor, trackId: ids(request.params), ...body, now: clock.now() });
        return reply.status(201).send(module);
      },
    );

    app.patch(
      '/admin/modules/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Edit a module, or move it to another position (the modules in between shift)',
          params: IdParams,
          body: Type.Object({
            slug: Type.Optional(Slug),
            title: Type.Optional(Title),
            description: Type.Optional(Description),
            position: Type.Optional(Position),
          }),
          response: { 200: ModuleSchema },
        },
      },
      async (request) => {
        const body = request.body as Fields;
        const actor = currentUser(request);
        return useCases.updateModule({ actor, moduleId: ids(request.params), ...body, now: clock.now() });
      },
    );

    app.delete(
      '/admin/modules/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a module no question uses; the modules after it move up',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await useCases.deleteModule({ actor: currentUser(request), moduleId: ids(request.params), now: clock.now() });
        return reply.status(204).send();
      },
    );
  };
}
