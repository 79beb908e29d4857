import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FlashMessages } from './flash.ts';
import { pathOf } from './request-kind.ts';
import type { PageContext } from './views/page-context.ts';

/** Builds the page context and sends full pages or htmx fragments as HTML. */
export function createRenderer(flash: FlashMessages) {
  return {
    context(request: FastifyRequest, reply: FastifyReply): PageContext {
      return {
        locale: request.locale,
        t: request.t,
        path: pathOf(request),
        csrfToken: request.csrfToken(),
        requestId: request.id,
        flash: flash.take(request, reply),
        user: request.user,
      };
    },
    page(reply: FastifyReply, view: VNode, status = 200): FastifyReply {
      return reply
        .status(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('vary', 'Accept-Language, Cookie, HX-Request')
        .send(`<!doctype html>${renderToString(view)}`);
    },
    fragment(reply: FastifyReply, view: VNode, status = 200): FastifyReply {
      return reply
        .status(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderToString(view));
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
