import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { formFailure } from '../../../../shared/http/form-failure.ts';
import { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';
import { pageUrl } from '../../../../shared/http/views/pagination.tsx';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { ENROLLMENTS_PATH } from '../views/approvals-layout.tsx';
import {
  ENROLLMENT_STATUSES,
  type EnrollmentFilter,
  enrollmentFilters,
  EnrollmentsPage,
  type ExtraTimeFailure,
} from '../views/enrollments-page.tsx';
import type { ApprovalsPagesDeps } from './deps.ts';
import { ID_PARAMS, oneOf, requireDecidingStaff, staffActor, uuidOrUndefined } from './support.ts';

const PAGE_SIZE = 25;

function filterOf(raw: FormBody): EnrollmentFilter {
  return {
    trackId: uuidOrUndefined(raw.trackId),
    status: oneOf(ENROLLMENT_STATUSES, raw.status),
    q: raw.q?.trim().slice(0, 200) || undefined,
    page: pageNumber(raw.page),
  };
}

/** Every enrollment with its extra-time form (admins and the owner). */
export async function enrollmentPages(app: FastifyInstance, deps: ApprovalsPagesDeps): Promise<void> {
  const { renderer, flash } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireDecidingStaff] };

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    filter: EnrollmentFilter,
    failure?: ExtraTimeFailure,
    status = 200,
  ) => {
    const [list, tracks] = await Promise.all([
      deps.progress().listForStaff(staffActor(request), {
        ...(filter.trackId ? { trackId: filter.trackId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        limit: PAGE_SIZE,
        offset: (filter.page - 1) * PAGE_SIZE,
      }),
      deps.tracks.list(),
    ]);
    const view = (
      <EnrollmentsPage
        ctx={renderer.context(request, reply)}
        filter={filter}
        tracks={tracks}
        items={list.items}
        paging={{
          page: filter.page,
          pageSize: PAGE_SIZE,
          total: list.total,
          totalIsCapped: list.totalIsCapped,
          shown: list.items.length,
        }}
        failure={failure}
      />
    );
    return renderer.page(reply, view, status);
  };

  app.get(
    ENROLLMENTS_PATH,
    { ...staffOnly, schema: { querystring: formSchema('trackId', 'status', 'q', 'page') } },
    async (request, reply) => listPage(request, reply, filterOf(request.query as FormBody)),
  );

  app.post(
    `${ENROLLMENTS_PATH}/:id/extra-time`,
    {
      ...staffOnly,
      schema: {
        params: ID_PARAMS,
        body: formSchema('extraTimePercent', 'backTrackId', 'backStatus', 'backQ', 'backPage'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const back = filterOf({ trackId: body.backTrackId, status: body.backStatus, q: body.backQ, page: body.backPage });
      const value = (body.extraTimePercent ?? '').trim();
      const percent = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(percent)) {
        const error = request.t('approvals.enrollments.invalidPercent');
        return listPage(request, reply, back, { enrollmentId: id, value, error }, 422);
      }
      try {
        await deps.progress().setExtraTime(staffActor(request), id, percent, originOf(request));
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        if (failure.status === 404 || failure.status === 403) throw caught;
        const error = failure.fields['/extraTimePercent'] ?? failure.message;
        return listPage(request, reply, back, { enrollmentId: id, value, error }, failure.status);
      }
      flash.set(reply, { kind: 'success', message: 'approvals.flash.extraTimeSet' });
      return reply.redirect(`${pageUrl(ENROLLMENTS_PATH, enrollmentFilters(back), back.page)}#enrollment-${id}`, 303);
    },
  );
}
