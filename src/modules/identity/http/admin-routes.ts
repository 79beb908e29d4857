import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import type { AuditAction } from '../domain/audit.ts';
import type { Role, UserStatus } from '../domain/user.ts';
import type { IdentityRouteDeps } from './auth-routes.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import { AuditEventSchema, Paging, Role as RoleSchema, Status, UserSchema, userJson } from './schemas.ts';
import { AUDIT_ACTIONS } from '../domain/audit.ts';

const tags = ['admin'];
const security = [{ bearerAuth: [] }];

/** Users and the audit log, for admins and the owner (the use cases say who may do what). */
export function adminRoutes(deps: IdentityRouteDeps) {
  const { useCases, clock } = deps;
  return async (app: FastifyInstance) => {
    app.get(
      '/admin/users',
      {
        schema: {
          tags,
          security,
          summary: 'List, search (email or name) and filter users',
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            status: Type.Optional(Status),
            ...Paging,
          }),
          response: { 200: Type.Object({ items: Type.Array(UserSchema), total: Type.Integer() }) },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        const query = request.query as { q?: string; role?: Role; status?: UserStatus; limit: number; offset: number };
        const page = await useCases.listUsers({ actor, filter: { ...query, q: query.q?.trim() || undefined } });
        return { items: page.items.map(userJson), total: page.total };
      },
    );

    app.patch(
      '/admin/users/:id',
      {
        schema: {
          tags,
          security,
          summary: "Change a user's role or status (block / unblock); blocking ends their sessions",
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          body: Type.Object({
            role: Type.Optional(RoleSchema),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('blocked')])),
          }),
          response: { 200: UserSchema },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        const { id } = request.params as { id: string };
        const body = request.body as { role?: Role; status?: 'active' | 'blocked' };
        await useCases.changeUserAccess({
          actorId: actor.id,
          targetId: id,
          ...body,
          origin: originOf(request),
          now: clock.now(),
        });
        return userJson(await useCases.getProfile({ actorId: id }));
      },
    );

    app.get(
      '/admin/audit-events',
      {
        schema: {
          tags,
          security,
          summary: 'Browse the audit log, newest first',
          querystring: Type.Object({
            actorId: Type.Optional(Type.String({ format: 'uuid' })),
            subjectId: Type.Optional(Type.String({ format: 'uuid' })),
            action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)))),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...Paging,
          }),
          response: { 200: Type.Object({ items: Type.Array(AuditEventSchema), total: Type.Integer() }) },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        const query = request.query as {
          actorId?: string;
          subjectId?: string;
          action?: AuditAction;
          from?: string;
          to?: string;
          limit: number;
          offset: number;
        };
        const page = await useCases.listAuditEvents({
          actor,
          filter: {
            ...query,
            from: query.from ? new Date(query.from) : undefined,
            to: query.to ? new Date(query.to) : undefined,
          },
        });
        return { items: page.items.map((event) => ({ ...event, at: event.at.toISOString() })), total: page.total };
      },
    );
  };
}
