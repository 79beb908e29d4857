import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import type { Flash } from '../../../../shared/http/views/page-context.ts';
import { localizedBlockers } from '../localize.ts';
import { AdminTrackPage } from '../views/admin/track-page.tsx';
import type { CatalogPagesDeps } from './deps.ts';
import { attempt, type FormBody, type FormProblem, formSchema, integerOf } from './page-support.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** Stages and modules from the track page: add, edit in place, move up or down, delete (with the reason when refused). */
export async function adminStructurePages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  async function trackPage(request: FastifyRequest, reply: FastifyReply, trackId: string, problem: FormProblem) {
    const track = await useCases.getTrack({ actor: pageUser(request), trackId });
    const view = (
      <AdminTrackPage
        ctx={renderer.context(request, reply)}
        track={track}
        blockers={localizedBlockers(track, request)}
        problem={problem}
      />
    );
    return renderer.page(reply, view, problem.status);
  }
  const done = (reply: FastifyReply, trackId: string, message: Flash['message']) => {
    flash.set(reply, { kind: 'success', message });
    return reply.redirect(`/admin/tracks/${trackId}`, 303);
  };
  /** The track a form came from (a hidden field), for showing the form again with its error. */
  const formTrack = (body: FormBody) => (body.trackId && isUuid(body.trackId) ? body.trackId : '');

  for (const kind of ['stage', 'module'] as const) {
    const text = (body: FormBody) => ({
      title: body.title ?? '',
      description: body.description ?? '',
      ...(kind === 'module' ? { slug: body.slug?.trim() ?? '' } : {}),
    });
    const use = {
      add: (request: FastifyRequest, trackId: string, body: FormBody) => {
        const input = { actor: pageUser(request), trackId, now: clock.now(), ...text(body) };
        return kind === 'stage' ? useCases.addStage(input) : useCases.addModule({ slug: '', ...input });
      },
      update: (
        request: FastifyRequest,
        id: string,
        fields: { position?: number; title?: string; description?: string; slug?: string },
      ) => {
        const input = { actor: pageUser(request), now: clock.now(), ...fields };
        return kind === 'stage'
          ? useCases.updateStage({ ...input, stageId: id })
          : useCases.updateModule({ ...input, moduleId: id });
      },
      remove: (request: FastifyRequest, id: string) => {
        const input = { actor: pageUser(request), now: clock.now() };
        return kind === 'stage'
          ? useCases.deleteStage({ ...input, stageId: id })
          : useCases.deleteModule({ ...input, moduleId: id });
      },
    };

    app.post(
      `/admin/tracks/:id/${kind}s`,
      { ...signedIn, schema: { params: IdParams, body: formSchema('title', 'slug', 'description') } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const body = request.body as FormBody;
        const problem = await attempt(request, `new-${kind}`, body, () => use.add(request, id, body));
        if (problem) return trackPage(request, reply, id, problem);
        return done(reply, id, `catalog.flash.${kind}Added`);
      },
    );

    app.post(
      `/admin/${kind}s/:id`,
      { ...signedIn, schema: { params: IdParams, body: formSchema('title', 'slug', 'description', 'trackId') } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const body = request.body as FormBody;
        let trackId = formTrack(body);
        const problem = await attempt(request, `${kind}:${id}`, body, async () => {
          ({ trackId } = await use.update(request, id, text(body)));
        });
        if (problem) return trackPage(request, reply, trackId, problem);
        return done(reply, trackId, `catalog.flash.${kind}Saved`);
      },
    );

    app.post(
      `/admin/${kind}s/:id/move`,
      { ...signedIn, schema: { params: IdParams, body: formSchema('position', 'trackId') } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const body = request.body as FormBody;
        let trackId = formTrack(body);
        const problem = await attempt(request, `${kind}:${id}`, {}, async () => {
          ({ trackId } = await use.update(request, id, { position: integerOf(body.position) ?? 0 }));
        });
        if (problem) return trackPage(request, reply, trackId, problem);
        return done(reply, trackId, `catalog.flash.${kind}Moved`);
      },
    );

    app.post(
      `/admin/${kind}s/:id/delete`,
      { ...signedIn, schema: { params: IdParams, body: formSchema('trackId') } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        let trackId = formTrack(request.body as FormBody);
        const problem = await attempt(request, `${kind}:${id}`, {}, async () => {
          ({ trackId } = await use.remove(request, id));
        });
        if (problem) return trackPage(request, reply, trackId, problem);
        return done(reply, trackId, `catalog.flash.${kind}Deleted`);
      },
    );
  }
}
