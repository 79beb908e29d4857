import { randomUUID } from 'node:crypto';
import { hkdfSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Container } from './composition-root.ts';
import { registerAssets } from './shared/http/assets.ts';
import { createCookies } from './shared/http/cookies.ts';
import { csrfProtection } from './shared/http/csrf.ts';
import { registerErrorHandler } from './shared/http/error-handler.tsx';
import { createFlash } from './shared/http/flash.ts';
import { HttpProblemError } from './shared/http/http-errors.ts';
import { resolveLocale, translator } from './shared/http/i18n/index.ts';
import { i18nPlugin, localeSwitchRoute } from './shared/http/i18n/plugin.ts';
import { idempotencyPlugin } from './shared/http/idempotency.ts';
import { registerNotFoundHandler } from './shared/http/not-found.tsx';
import { registerOpenApi } from './shared/http/openapi.ts';
import { operationsRoutes } from './shared/http/operations.ts';
import type { AppModule, PagesDeps } from './shared/http/pages.ts';
import { sendProblem } from './shared/http/problem.ts';
import { createRenderer } from './shared/http/render.tsx';
import { publicCache } from './shared/http/public-cache.ts';
import { registerSecurityHeaders } from './shared/http/security-headers.ts';
import { pathOf } from './shared/http/request-kind.ts';
import './shared/http/request-context.ts';
import { rejectNonFiniteNumbers } from './shared/http/finite-numbers.ts';

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The HTTP application: plugins, error handling, the JSON API under /api/v1 and the pages. */
export async function buildApp(container: Container): Promise<FastifyInstance> {
  const { config } = container;
  const production = config.nodeEnv === 'production';
  // Widened to Fastify's logger type, so plugins typed for the default instance accept this app.
  const loggerInstance: FastifyBaseLogger = container.logger;
  const app = Fastify({
    loggerInstance,
    // One line per request, written by observeRequests with the route, status, duration and user.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    requestIdHeader: false,
    genReqId: requestIdOf,
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    bodyLimit: config.bodyLimitBytes,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true } },
    // Errors before routing (a malformed URL, an over-long parameter) become problems too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      // No onRequest hook has run yet: pick the language from the request itself.
      request.locale = resolveLocale({
        acceptLanguage: request.headers['accept-language'],
        defaultLocale: config.defaultLocale,
      });
      request.t = translator(request.locale);
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
      void sendProblem(reply, { status, code: 'bad_request' });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const cookies = createCookies({ secure: production });
  const flash = createFlash(cookies);
  const renderer = createRenderer(flash);
  const cookieSecret = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'baza', 'cookie-signing', 32)).toString(
    'base64url',
  );

  observeRequests(app, container);
  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(i18nPlugin, { defaultLocale: config.defaultLocale, cookies });
  registerSecurityHeaders(app, { production });
  await app.register(fastifyCors, {
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Accept-Language'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Location', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowSeconds * 1000,
    ...(container.redis ? { redis: container.redis, nameSpace: 'baza-rate-limit:' } : {}),
    skipOnError: true,
    allowList: (request) => request.url.startsWith('/assets/'),
    errorResponseBuilder: (_request, context) =>
      new HttpProblemError(
        {
          status: 429,
          code: 'rate_limited',
          detail: { key: 'problem.rate_limited.detail', params: { seconds: Math.ceil(context.ttl / 1000) } },
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        },
        'rate limit exceeded',
      ),
  });
  await app.register(csrfProtection, {
    secret: config.jwtSecret,
    cookies,
    allowedOrigins: [new URL(config.baseUrl).origin],
  });
  await app.register(idempotencyPlugin, { store: container.idempotencyStore, ttlHours: config.idempotencyTtlHours });
  await app.register(publicCache, {
    ...container.publicCache,
    cookieNames: { csrf: cookies.nameOf('csrf'), flash: cookies.nameOf('flash') },
  });
  await registerOpenApi(app, config);

  registerErrorHandler(app, renderer);
  registerNotFoundHandler(app, renderer);

  await app.register(operationsRoutes, {
    health: container.health,
    metrics: container.metrics,
    metricsToken: config.metricsToken,
  });
  await app.register(registerAssets);
  const modules: AppModule[] = Object.values(container.modules);
  const moduleDeps: PagesDeps = { renderer, flash, cookies };
  for (const module of modules) if (module.plugin) await module.plugin(app, moduleDeps);
  await app.register(
    async (api) => {
      api.addHook('preHandler', rejectNonFiniteNumbers);
      for (const module of modules) {
        const routes = module.routes;
        if (routes) await api.register(async (scope) => routes(scope, moduleDeps));
      }
    },
    { prefix: '/api/v1' },
  );
  await app.register(pagesScope, { renderer, flash, cookies, modules });
  return app;
}

/** Pages: form bodies are parsed only here, and every unsafe request passes the CSRF check. */
async function pagesScope(app: FastifyInstance, options: PagesDeps & { modules: AppModule[] }) {
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.addHook('preHandler', app.verifyCsrf);
  const deps: PagesDeps = { renderer: options.renderer, flash: options.flash, cookies: options.cookies };
  await app.register(localeSwitchRoute, deps);
  for (const module of options.modules) {
    const pages = module.pages;
    if (pages) await app.register(async (scope) => pages(scope, deps));
  }
}

/** `X-Request-Id` in and out; one log line and one latency sample per request. */
function observeRequests(app: FastifyInstance, container: Container): void {
  app.decorateRequest('user', undefined);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // While draining, a keep-alive connection that finishes its request is closed, so close() ends.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    container.metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    request.log.info(
      {
        method: request.method,
        path: pathOf(request), // never the query string: it may carry tokens (?token=…)
        route,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        userId: request.user?.id,
      },
      'request completed',
    );
  });
}

function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}
