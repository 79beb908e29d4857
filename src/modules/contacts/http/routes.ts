import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../shared/application/clock.ts';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import type { ContactsUseCases } from '../application/use-cases.ts';
import type { ContactStatus } from '../domain/contact-request.ts';
import {
  ContactListSchema,
  ContactRequestSchema,
  contactJson,
  IdParams,
  ListQuery,
  Received,
  StatusBody,
  SubmitBody,
} from './schemas.ts';

export type ContactsRouteDeps = { useCases: ContactsUseCases; clock: Clock };

const security = [{ bearerAuth: [] }];

/** The public form's endpoint: 202 for a stored request and for a bot caught by the honeypot alike. */
export function publicContactRoutes({ useCases, clock }: ContactsRouteDeps) {
  return async (app: FastifyInstance) => {
    app.post(
      '/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary:
            'Send a contact request (admins and the owner are emailed); every invalid field is reported at once (422); rate-limited per client and overall (429 with Retry-After)',
          body: SubmitBody,
          response: { 202: Received },
        },
      },
      async (request, reply) => {
        const body = request.body as { name: string; email: string; message: string; website?: string };
        const result = await useCases.submit({ ...body, locale: request.locale, ip: request.ip, now: clock.now() });
        if (result.outcome === 'trapped') request.log.debug('contact form: honeypot filled, request dropped');
        return reply.status(202).send({ received: true });
      },
    );
  };
}

/** Contact requests for admins and the owner: list, read, mark handled or reopen. */
export function adminContactRoutes({ useCases, clock }: ContactsRouteDeps) {
  const tags = ['contacts admin'];
  return async (app: FastifyInstance) => {
    // Personal data of visitors: never kept by a cache.
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    app.get(
      '/admin/contacts',
      {
        schema: {
          tags,
          security,
          summary: 'Contact requests, newest first; by status and by a part of the name or email',
          querystring: ListQuery,
          response: { 200: ContactListSchema },
        },
      },
      async (request) => {
        const query = request.query as { status?: ContactStatus; q?: string; limit: number; offset: number };
        const page = await useCases.list({ actor: currentUser(request), filter: query });
        return { items: page.items.map(contactJson), total: page.total };
      },
    );

    app.get(
      '/admin/contacts/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One contact request',
          params: IdParams,
          response: { 200: ContactRequestSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return contactJson(await useCases.get({ actor: currentUser(request), requestId: id }));
      },
    );

    app.patch(
      '/admin/contacts/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Mark a request handled (records who and when) or reopen it',
          params: IdParams,
          body: StatusBody,
          response: { 200: ContactRequestSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const { status } = request.body as { status: ContactStatus };
        const updated = await useCases.setStatus({
          actor: currentUser(request),
          requestId: id,
          status,
          now: clock.now(),
        });
        return contactJson(updated);
      },
    );
  };
}
