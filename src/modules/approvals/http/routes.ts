import type { FastifyInstance } from 'fastify';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { ApprovalStatus, ApprovalsUseCases } from '../application/contract.ts';
import {
  ApprovalListSchema,
  ApprovalQueueSchema,
  ApprovalSchema,
  ApproveBody,
  approvalJson,
  DossierSchema,
  dossierJson,
  IdParams,
  ListQuery,
  RejectBody,
} from './schemas.ts';

const security = [{ bearerAuth: [] }];

/** The student's own requests, and the admins' queue, dossiers and decisions. */
export function approvalRoutes(useCases: ApprovalsUseCases) {
  return async (app: FastifyInstance) => {
    // Decisions about people: never kept by a cache.
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    app.get(
      '/me/approvals',
      {
        schema: {
          tags: ['learning'],
          security,
          summary: 'Your approval requests and their decisions, newest first',
          response: { 200: ApprovalListSchema },
        },
      },
      async (request) => {
        const items = await useCases.listMine(currentUser(request));
        return { items: items.map(approvalJson), total: items.length };
      },
    );

    app.get(
      '/me/approvals/:id',
      {
        schema: {
          tags: ['learning'],
          security,
          summary: 'One of your approval requests (another student’s is 404)',
          params: IdParams,
          response: { 200: ApprovalSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return approvalJson(await useCases.getMine(currentUser(request), id));
      },
    );

    const tags = ['approvals admin'];

    app.get(
      '/admin/approvals',
      {
        schema: {
          tags,
          security,
          summary: 'Approval requests (admins and the owner): pending first, the longest waiting on top',
          querystring: ListQuery,
          response: { 200: ApprovalQueueSchema },
        },
      },
      async (request) => {
        const query = request.query as { status?: ApprovalStatus; trackId?: string; limit: number; offset: number };
        const page = await useCases.list(currentUser(request), query);
        return { items: page.items.map(approvalJson), total: page.total, totalIsCapped: page.totalIsCapped };
      },
    );

    app.get(
      '/admin/approvals/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A request with its evidence dossier: attempts, per-module results, mastery, articles, history',
          params: IdParams,
          response: { 200: DossierSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return dossierJson(await useCases.dossier(currentUser(request), id));
      },
    );

    app.post(
      '/admin/approvals/:id/approve',
      {
        schema: {
          tags,
          security,
          summary:
            'Approve a pending request: the next stage starts (or the final, or graduation); 409 when already decided',
          params: IdParams,
          body: ApproveBody,
          response: { 200: ApprovalSchema },
        },
        // The comment is optional, so is the body: a bare POST approves without one.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = (request.body ?? {}) as { comment?: string | null };
        return approvalJson(await useCases.approve(currentUser(request), id, body.comment ?? null, originOf(request)));
      },
    );

    app.post(
      '/admin/approvals/:id/reject',
      {
        schema: {
          tags,
          security,
          summary:
            'Reject a pending request with a comment for the student (422 without one): the attempt is annulled and the stage opens again; 409 when already decided',
          params: IdParams,
          body: RejectBody,
          response: { 200: ApprovalSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = (request.body ?? {}) as { comment?: string };
        return approvalJson(await useCases.reject(currentUser(request), id, body.comment ?? '', originOf(request)));
      },
    );
  };
}
