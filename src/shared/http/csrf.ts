import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Cookies } from './cookies.ts';
import { CsrfError } from './http-errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for forms: a random value in an HttpOnly cookie, and a token (its HMAC under a
 * key derived from the deployment secret) in every form (`_csrf`) or in the `X-CSRF-Token`
 * header htmx sends. An unsafe request must carry a matching token, and when the browser says
 * where it comes from (Origin, Referer, Sec-Fetch-Site), that must be this site.
 *
 * Every request can issue a token (error pages carry forms too); the check is a preHandler
 * (`app.verifyCsrf`) added in the scope of the pages. The JSON API does not parse form bodies
 * and authenticates with bearer tokens, so a cross-site form cannot reach it.
 */
export const csrfProtection = fp(
  async (app: FastifyInstance, options: { secret: string; cookies: Cookies; allowedOrigins: readonly string[] }) => {
    const key = Buffer.from(hkdfSync('sha256', options.secret, 'baza', 'csrf-token', 32));
    const sign = (value: string) => createHmac('sha256', key).update(value).digest('base64url');

    app.decorateRequest('csrfToken', function csrfToken(this: FastifyRequest) {
      let value = options.cookies.read(this, 'csrf');
      if (!value || !/^[\w-]{43}$/.test(value)) {
        value = randomBytes(32).toString('base64url');
        this.cookies[options.cookies.nameOf('csrf')] = value; // the same value for the rest of this request
        pendingCookies.set(this, value);
      }
      return sign(value);
    });

    const pendingCookies = new WeakMap<FastifyRequest, string>();
    app.addHook('onSend', async (request, reply) => {
      const value = pendingCookies.get(request);
      if (value) options.cookies.set(reply, 'csrf', value);
    });

    app.decorate('verifyCsrf', async (request: FastifyRequest) => {
      if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return;
      if (!sameOrigin(request, options.allowedOrigins)) throw new CsrfError('cross-origin form submission');
      const value = options.cookies.read(request, 'csrf');
      const submitted = submittedToken(request);
      if (!value || !submitted || !equal(sign(value), submitted)) throw new CsrfError('missing or invalid CSRF token');
    });
  },
  { name: 'baza-csrf', dependencies: ['@fastify/cookie'] },
);

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string' && header) return header;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

function sameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin ?? originOf(request.headers.referer);
  if (origin === undefined || origin === 'null') return origin === undefined;
  const own = `${request.protocol}://${request.host}`;
  return origin === own || allowedOrigins.includes(origin);
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

function equal(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
