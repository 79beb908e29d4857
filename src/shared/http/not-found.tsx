import type { FastifyInstance } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { respondWithError } from './error-handler.tsx';
import type { Renderer } from './render.tsx';
import { pathOf } from './request-kind.ts';

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * 404 for unknown paths; 405 with `Allow` when the path exists under other methods. Fastify's
 * router answers 404 for both, so a shadow router of every registered route tells them apart.
 */
export function registerNotFoundHandler(app: FastifyInstance, renderer: Renderer): void {
  const known = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const verb = method.toUpperCase() as HTTPMethod;
      if (!METHODS.includes(verb)) continue;
      if (!known.hasRoute(verb, route.url)) known.on(verb, route.url, () => {});
    }
  });

  // Unknown URLs are rate limited too: scanners probing paths spend the same budget.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const path = pathOf(request);
    const allowed = METHODS.filter((method) => method !== request.method && known.find(method, path) !== null);
    if (allowed.length > 0 && request.method !== 'OPTIONS') {
      const allow = allowed.join(', ');
      return respondWithError(
        request,
        reply,
        {
          status: 405,
          code: 'method_not_allowed',
          detail: { key: 'problem.method_not_allowed.detail', params: { method: request.method, path, allow } },
          headers: { allow },
        },
        renderer,
      );
    }
    return respondWithError(
      request,
      reply,
      { status: 404, code: 'not_found', detail: { key: 'problem.not_found.detail', params: { path } } },
      renderer,
    );
  });
}
