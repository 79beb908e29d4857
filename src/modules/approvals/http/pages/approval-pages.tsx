import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { formFailure } from '../../../../shared/http/form-failure.ts';
import { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import { APPROVAL_STATUSES } from '../schemas.ts';
import { APPROVALS_PATH } from '../views/approvals-layout.tsx';
import { DossierPage, type DossierForms, dossierPath } from '../views/dossier-page.tsx';
import { type QueueFilter, QueuePage } from '../views/queue-page.tsx';
import type { ApprovalsPagesDeps } from './deps.ts';
import { ID_PARAMS, oneOf, requireDecidingStaff, staffActor, uuidOrUndefined } from './support.ts';

const PAGE_SIZE = 25;
const ALREADY_DECIDED = 'approvals.already_decided';

/** The queue, a dossier with its decision forms, and annulling an attempt from it. */
export async function approvalPages(app: FastifyInstance, deps: ApprovalsPagesDeps): Promise<void> {
  const { renderer, flash, approvals, clock } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireDecidingStaff] };

  app.get(
    APPROVALS_PATH,
    { ...staffOnly, schema: { querystring: formSchema('status', 'trackId', 'page') } },
    async (request, reply) => {
      const query = request.query as FormBody;
      const filter: QueueFilter = {
        status: oneOf(APPROVAL_STATUSES, query.status),
        trackId: uuidOrUndefined(query.trackId),
      };
      const page = pageNumber(query.page);
      const [list, tracks] = await Promise.all([
        approvals.list(staffActor(request), {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.trackId ? { trackId: filter.trackId } : {}),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        }),
        deps.tracks.list(),
      ]);
      const view = (
        <QueuePage
          ctx={renderer.context(request, reply)}
          filter={filter}
          tracks={tracks}
          items={list.items}
          paging={{
            page,
            pageSize: PAGE_SIZE,
            total: list.total,
            totalIsCapped: list.totalIsCapped,
            shown: list.items.length,
          }}
          now={clock.now()}
        />
      );
      return renderer.page(reply, view);
    },
  );

  const dossierPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    forms?: DossierForms,
    status = 200,
  ) => {
    const dossier = await approvals.dossier(staffActor(request), requestId);
    const view = (
      <DossierPage ctx={renderer.context(request, reply)} dossier={dossier} now={clock.now()} forms={forms} />
    );
    return renderer.page(reply, view, status);
  };

  app.get(`${APPROVALS_PATH}/:id`, { ...staffOnly, schema: { params: ID_PARAMS } }, async (request, reply) =>
    dossierPage(request, reply, (request.params as { id: string }).id),
  );

  for (const verdict of ['approve', 'reject'] as const) {
    app.post(
      `${APPROVALS_PATH}/:id/${verdict}`,
      { ...staffOnly, schema: { params: ID_PARAMS, body: formSchema('comment') } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const comment = (request.body as FormBody).comment ?? '';
        const actor = staffActor(request);
        try {
          if (verdict === 'approve') await approvals.approve(actor, id, comment, originOf(request));
          else await approvals.reject(actor, id, comment, originOf(request));
        } catch (caught) {
          const failure = formFailure(caught, request, reply);
          if (failure.code === ALREADY_DECIDED) {
            flash.set(reply, { kind: 'warning', message: 'approvals.flash.alreadyDecided' });
            return reply.redirect(dossierPath(id), 303);
          }
          if (failure.status === 404 || failure.status === 403) throw caught;
          const form = { comment, error: failure.fields['/comment'] ?? failure.message };
          const forms: DossierForms = { message: failure.message, [verdict]: form };
          return dossierPage(request, reply, id, forms, failure.status);
        }
        flash.set(reply, {
          kind: 'success',
          message: verdict === 'approve' ? 'approvals.flash.approved' : 'approvals.flash.rejected',
        });
        return reply.redirect(dossierPath(id), 303);
      },
    );
  }

  app.post(
    '/admin/attempts/:id/annul',
    {
      ...staffOnly,
      schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: formSchema('reason', 'requestId') },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const reason = body.reason ?? '';
      const requestId = body.requestId && isUuid(body.requestId) ? body.requestId : undefined;
      try {
        await deps.assessment().annul(staffActor(request), id, reason, originOf(request));
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        if (!requestId || failure.status === 404 || failure.status === 403) throw caught;
        const annul = { attemptId: id, reason, error: failure.fields['/reason'] ?? failure.message };
        return dossierPage(request, reply, requestId, { message: failure.message, annul }, failure.status);
      }
      flash.set(reply, { kind: 'success', message: 'approvals.flash.annulled' });
      return reply.redirect(requestId ? dossierPath(requestId) : APPROVALS_PATH, 303);
    },
  );
}
