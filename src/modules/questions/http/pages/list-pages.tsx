import type { FastifyInstance } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import {
  type ListFilterForm,
  QUESTION_KINDS,
  QUESTION_STATUSES,
  QuestionsListPage,
} from '../views/questions-list-page.tsx';
import type { QuestionsPagesDeps } from './deps.ts';
import { formSchema, oneOf, pageNumber, requireStaff, staffActor, trimmed } from './support.ts';
import { outlinesOf, resolveTrack } from './tracks.ts';
import { contentDisposition } from '../../../../shared/http/content-disposition.ts';

const PAGE_SIZE = 25;

/** The question list with its filters, and the track's bank as a GIFT download. */
export async function listPages(app: FastifyInstance, deps: QuestionsPagesDeps): Promise<void> {
  const { renderer, flash, useCases } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireStaff] };

  app.get(
    '/admin/questions',
    {
      ...staffOnly,
      schema: { querystring: formSchema('trackId', 'moduleId', 'stageId', 'status', 'kind', 'q', 'page') },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      const query = request.query as Partial<Record<string, string>>;
      const track = await resolveTrack(deps, query.trackId, request.t);
      const outline = track.outline;
      const filter: ListFilterForm = {
        trackId: outline?.id ?? trimmed(query.trackId, 100),
        // A module or stage of another track (the reader changed the track) is dropped.
        moduleId: outline?.modules.some((m) => m.id === query.moduleId) ? query.moduleId : undefined,
        stageId: outline?.stages.some((s) => s.id === query.stageId) ? query.stageId : undefined,
        status: oneOf(QUESTION_STATUSES, query.status),
        kind: oneOf(QUESTION_KINDS, query.kind),
        q: trimmed(query.q),
      };
      const page = pageNumber(query.page);
      // A track that does not exist lists nothing (and says so at the field).
      const list = track.error
        ? { items: [], total: 0 }
        : await useCases.listQuestions({
            actor,
            filter: { ...filter, trackId: outline?.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
          });
      const outlines = await outlinesOf(deps, list.items, outline);
      const view = (
        <QuestionsListPage
          ctx={renderer.context(request, reply)}
          filter={filter}
          trackError={track.error}
          outline={outline}
          tracks={await deps.listTracks?.()}
          items={list.items}
          outlines={outlines}
          paging={{ page, pageSize: PAGE_SIZE, total: list.total }}
        />
      );
      return renderer.page(reply, view, track.error ? 422 : 200);
    },
  );

  app.get(
    '/admin/questions/export',
    { ...staffOnly, schema: { querystring: formSchema('trackId') } },
    async (request, reply) => {
      const actor = staffActor(request);
      const { trackId } = request.query as { trackId?: string };
      const { outline } = await resolveTrack(deps, trackId, request.t);
      if (!outline) {
        flash.set(reply, { kind: 'danger', message: 'questionsAdmin.export.chooseTrack' });
        return reply.redirect('/admin/questions', 303);
      }
      const file = await useCases.exportGift({ actor, trackId: outline.id });
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', file.fileName, `${outline.slug}.gift.txt`))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
