import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { isMessageKey, type MessageKey } from '../../../../shared/http/i18n/index.ts';
import { safeReturnPath } from '../../../../shared/http/i18n/plugin.ts';
import type { Flash } from '../../../../shared/http/views/page-context.ts';
import { AUDIT_ACTIONS } from '../../domain/audit.ts';
import { ROLES, USER_STATUSES } from '../../domain/user.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { type AuditFilterErrors, type AuditFilterForm, AuditPage } from '../views/admin/audit-page.tsx';
import { UsersPage } from '../views/admin/users-page.tsx';
import type { IdentityPagesDeps } from './deps.ts';
import { type FormBody, formFailure, formSchema } from './form-support.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';

const PAGE_SIZE = 20;
const DAY_MS = 24 * 3600 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Users and the audit log for admins and the owner; the use cases refuse everyone else (403 page). */
export async function adminPages(app: FastifyInstance, deps: IdentityPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  app.get(
    '/admin/users',
    {
      ...signedIn,
      schema: {
        hide: true,
        querystring: formSchema('q', 'role', 'status', 'page'),
      },
    },
    async (request, reply) => {
      const actor = pageUser(request);
      const query = request.query as FormBody;
      const filter = {
        q: query.q?.trim().slice(0, 100) || undefined,
        role: oneOf(ROLES, query.role),
        status: oneOf(USER_STATUSES, query.status),
      };
      const page = pageNumber(query.page);
      const list = await useCases.listUsers({
        actor,
        filter: { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      });
      const view = (
        <UsersPage
          ctx={renderer.context(request, reply)}
          actorId={actor.id}
          filter={filter}
          users={list.items}
          paging={{ page, pageSize: PAGE_SIZE, total: list.total }}
          returnTo={request.url}
        />
      );
      return renderer.page(reply, view);
    },
  );

  app.post(
    '/admin/users/:id/access',
    {
      ...signedIn,
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: formSchema('role', 'status', 'returnTo'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const back = body.returnTo ? safeReturnPath(body.returnTo) : '/admin/users';
      const role = oneOf(ROLES, body.role);
      const status = oneOf(['active', 'blocked'] as const, body.status);
      const outcome = async (): Promise<Flash> => {
        if (!role && !status) return { kind: 'danger', message: 'admin.users.nothingToChange' };
        try {
          const actorId = pageUser(request).id;
          await useCases.changeUserAccess({
            actorId,
            targetId: id,
            role,
            status,
            origin: originOf(request),
            now: clock.now(),
          });
        } catch (error) {
          // The use case's refusal (e.g. only the owner grants admin), as a flash on the list.
          const key = `errors.${formFailure(error, request, reply).code}`;
          return { kind: 'danger', message: isMessageKey(key) ? key : 'admin.users.changeFailed' };
        }
        const message =
          status === 'blocked' ? 'admin.users.blocked' : status ? 'admin.users.unblocked' : 'admin.users.roleChanged';
        return { kind: 'success', message };
      };
      flash.set(reply, await outcome());
      return reply.redirect(back, 303);
    },
  );

  app.get(
    '/admin/audit',
    {
      ...signedIn,
      schema: {
        hide: true,
        querystring: formSchema('action', 'actorId', 'subjectId', 'from', 'to', 'page'),
      },
    },
    async (request, reply) => {
      const query = request.query as FormBody;
      const form: AuditFilterForm = {
        action: query.action?.trim() || undefined,
        actorId: query.actorId?.trim() || undefined,
        subjectId: query.subjectId?.trim() || undefined,
        from: query.from?.trim() || undefined,
        to: query.to?.trim() || undefined,
      };
      const { filter, errors } = auditFilterOf(form, request.t);
      const page = pageNumber(query.page);
      // Invalid filters are left out (and shown as errors); the use case still decides who may look.
      const list = await useCases.listAuditEvents({
        actor: pageUser(request),
        filter: { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      });
      const view = (
        <AuditPage
          ctx={renderer.context(request, reply)}
          filter={form}
          errors={errors}
          events={list.items}
          paging={{ page, pageSize: PAGE_SIZE, total: list.total }}
        />
      );
      return renderer.page(reply, view, Object.keys(errors).length > 0 ? 422 : 200);
    },
  );
}

function auditFilterOf(form: AuditFilterForm, t: (key: MessageKey) => string) {
  const errors: AuditFilterErrors = {};
  const action = oneOf(AUDIT_ACTIONS, form.action);
  if (form.action && !action) errors.action = t('validation.enum');
  const id = (name: 'actorId' | 'subjectId') => {
    const value = form[name];
    if (value && !isUuid(value)) errors[name] = t('admin.audit.invalidId');
    return value && isUuid(value) ? value : undefined;
  };
  const day = (name: 'from' | 'to') => {
    const value = form[name];
    const date = value && DATE.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
    if (value && (!date || Number.isNaN(date.getTime()))) errors[name] = t('admin.audit.invalidDate');
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  };
  const from = day('from');
  const toDay = day('to');
  // `to` is inclusive: events of that whole day (UTC) count.
  const to = toDay ? new Date(toDay.getTime() + DAY_MS) : undefined;
  if (from && to && to <= from) errors.to = t('admin.audit.toBeforeFrom');
  const filter = { action, actorId: id('actorId'), subjectId: id('subjectId'), from, to: errors.to ? undefined : to };
  return { filter, errors };
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}
