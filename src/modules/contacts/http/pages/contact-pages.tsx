import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { RateLimitedError } from '../../../../shared/domain/errors.ts';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import { fieldError } from '../../../../shared/http/problem.ts';
import { pageUrl } from '../../../../shared/http/views/pagination.tsx';
import { CONTACT_STATUSES } from '../../domain/contact-request.ts';
import { InvalidContactRequestError } from '../../domain/errors.ts';
import type { ContactsRouteDeps } from '../routes.ts';
import { ADMIN_CONTACTS_PATH, AdminContactsPage, type ContactListQuery } from '../views/admin-contacts-page.tsx';
import { type ContactField, type ContactFormState, ContactPage, ContactSentPage } from '../views/contact-page.tsx';

export type ContactsPagesDeps = PagesDeps & ContactsRouteDeps;

const PAGE_SIZE = 20;
const SENT_COOKIE = 'contact-sent';
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const FIELDS: readonly ContactField[] = ['name', 'email', 'message'];

/** `/contact` (the form and its thank-you page) and `/admin/contacts` (the requests, handled or not). */
export async function contactsPages(app: FastifyInstance, deps: ContactsPagesDeps): Promise<void> {
  const { renderer, flash, cookies, useCases, clock } = deps;

  const formPage = (request: FastifyRequest, reply: FastifyReply, state: ContactFormState, status = 200) =>
    renderer.page(reply, <ContactPage ctx={renderer.context(request, reply)} state={state} />, status);

  app.get('/contact', async (request, reply) => {
    const user = request.user;
    return formPage(request, reply, { values: user ? { name: user.displayName, email: user.email } : {} });
  });

  app.post(
    '/contact',
    { schema: { body: formSchema('name', 'email', 'message', 'website') } },
    async (request, reply) => {
      const body = request.body as FormBody;
      const values = { name: body.name ?? '', email: body.email ?? '', message: body.message ?? '' };
      try {
        const result = await useCases.submit({
          ...values,
          website: body.website,
          locale: request.locale,
          ip: request.ip,
          now: clock.now(),
        });
        if (result.outcome === 'trapped') request.log.debug('contact form: honeypot filled, request dropped');
      } catch (error) {
        if (error instanceof InvalidContactRequestError) {
          const errors: Partial<Record<ContactField, string>> = {};
          for (const issue of error.issues) {
            const field = FIELDS.find((name) => issue.path === `/${name}`);
            if (field && !errors[field]) errors[field] = fieldError(error.code, issue, request).message;
          }
          const message = request.t('errors.contacts.invalid_input', { count: error.issues.length });
          return formPage(request, reply, { values, errors, message }, 422);
        }
        if (error instanceof RateLimitedError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
          const message = request.t('contacts.form.rateLimited', { minutes: Math.ceil(error.retryAfterSeconds / 60) });
          return formPage(request, reply, { values, message }, 429);
        }
        throw error;
      }
      // Post/redirect/get: the address for the thank-you page rides in a short-lived signed cookie.
      cookies.set(reply, SENT_COOKIE, values.email.trim().slice(0, 254), { signed: true, maxAge: 600 });
      return reply.redirect('/contact/sent', 303);
    },
  );

  app.get('/contact/sent', async (request, reply) => {
    const email = cookies.readSigned(request, SENT_COOKIE);
    if (email === undefined) return reply.redirect('/contact', 303);
    cookies.clear(reply, SENT_COOKIE);
    return renderer.page(reply, <ContactSentPage ctx={renderer.context(request, reply)} email={email} />);
  });

  const signedIn = { preHandler: pageUserGuard() };

  app.get(
    ADMIN_CONTACTS_PATH,
    { ...signedIn, schema: { querystring: formSchema('status', 'q', 'page') } },
    async (request, reply) => {
      const query = listQuery(request.query as FormBody);
      const list = await useCases.list({
        actor: pageUser(request),
        filter: { status: query.status, q: query.q, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE },
      });
      const view = (
        <AdminContactsPage ctx={renderer.context(request, reply)} query={query} list={list} pageSize={PAGE_SIZE} />
      );
      return renderer.page(reply, view);
    },
  );

  app.post(
    `${ADMIN_CONTACTS_PATH}/:id/status`,
    { ...signedIn, schema: { params: IdParams, body: formSchema('status', 'backStatus', 'backQ', 'backPage') } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const status = body.status === 'handled' ? 'handled' : 'new';
      await useCases.setStatus({ actor: pageUser(request), requestId: id, status, now: clock.now() });
      flash.set(reply, {
        kind: 'success',
        message: status === 'handled' ? 'contacts.flash.handled' : 'contacts.flash.reopened',
      });
      const back = listQuery({ status: body.backStatus, q: body.backQ, page: body.backPage });
      return reply.redirect(
        `${pageUrl(ADMIN_CONTACTS_PATH, { status: back.status, q: back.q }, back.page)}#request-${id}`,
        303,
      );
    },
  );
}

function listQuery(raw: FormBody): ContactListQuery {
  return {
    status: CONTACT_STATUSES.find((value) => value === raw.status),
    q: raw.q?.trim().slice(0, 254) || undefined,
    page: pageNumber(raw.page),
  };
}
