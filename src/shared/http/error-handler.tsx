import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemSpecOf, type ProblemSpec, sendProblem, toProblem } from './problem.ts';
import type { Renderer } from './render.tsx';
import { isHtmx, wantsHtml } from './request-kind.ts';
import { ErrorContent, ErrorPage, errorTexts } from './views/error-page.tsx';

/**
 * The one place errors become responses: problem+json for API clients, an error page for
 * browsers, a fragment for htmx. Unknown errors are logged with their stack and answered with a
 * generic 500 carrying only the request id.
 */
export function registerErrorHandler(app: FastifyInstance, renderer: Renderer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const spec = problemSpecOf(error, request);
    if (spec.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: spec.code, status: spec.status, reason: error.message }, 'request rejected');
    return respondWithError(request, reply, spec, renderer);
  });
}

export function respondWithError(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: ProblemSpec,
  renderer: Renderer,
): FastifyReply {
  if (!wantsHtml(request)) return sendProblem(reply, spec);
  if (spec.headers) reply.headers(spec.headers);
  const ctx = renderer.context(request, reply);
  const problem = toProblem(spec, request);
  const texts = errorTexts(spec.status);
  const props = {
    ctx,
    status: spec.status,
    title: texts ? ctx.t(texts.title) : problem.title,
    text: texts ? ctx.t(texts.text) : (problem.detail ?? problem.title),
  };
  if (isHtmx(request)) {
    return renderer.fragment(reply, <ErrorContent {...props} />, spec.status);
  }
  return renderer.page(reply, <ErrorPage {...props} />, spec.status);
}
