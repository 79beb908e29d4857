import { createHash, randomUUID } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import type { IdempotencyClaim, IdempotencyStore } from '../application/idempotency.ts';
import { HttpProblemError } from './http-errors.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location'];
/** How long a request may hold its key before a retry may take it over (the process may have died). */
const LEASE_MS = 60_000;

const claims = new WeakMap<FastifyRequest, IdempotencyClaim>();

/**
 * `Idempotency-Key` for routes declared with `config: { idempotent: true }`. The first request
 * with a key runs and its response is stored; a repeat with the same body gets that response
 * again (with `Idempotent-Replayed: true`), a repeat with another body 422, and a repeat while
 * the first is still running 409. A 5xx is not stored, so the client may retry.
 *
 * The hooks are added to each such route, so they run after every scope-level preHandler
 * (authentication, CSRF): the key is scoped to the authenticated user, and a rejected request
 * never claims it.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { store: IdempotencyStore; ttlHours: number }) => {
    const claimKey: preHandlerAsyncHookHandler = async function claimKey(request, reply) {
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw new HttpProblemError(
          { status: 400, code: 'idempotency_key_invalid', detail: { key: 'problem.idempotency_key_invalid.detail' } },
          'bad Idempotency-Key',
        );
      }
      const claim = { scope: scopeOf(request), key, owner: randomUUID() };
      const requestHash = hashOf(request);
      const tryClaim = () =>
        options.store.claim({ ...claim, requestHash, leaseUntil: new Date(Date.now() + LEASE_MS) });
      if (await tryClaim()) {
        claims.set(request, claim);
        return;
      }
      const existing = await options.store.find(claim.scope, key);
      if (!existing) {
        // The holder was released (its request failed) between our claim and our read.
        if (await tryClaim()) {
          claims.set(request, claim);
          return;
        }
        throw inProgress();
      }
      if (existing.requestHash !== requestHash) {
        throw new HttpProblemError(
          { status: 422, code: 'idempotency_key_reused', detail: { key: 'problem.idempotency_key_reused.detail' } },
          'Idempotency-Key reused with another request',
        );
      }
      if (existing.state === 'in_flight') throw inProgress();
      return replay(reply, existing.response);
    };

    const storeResponse: onSendAsyncHookHandler = async function storeResponse(request, reply, payload) {
      const claim = claims.get(request);
      if (!claim) return payload;
      claims.delete(request);
      const body =
        typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
      if (reply.statusCode >= 500 || body === undefined) {
        await options.store.release(claim);
        return payload;
      }
      const keepUntil = new Date(Date.now() + options.ttlHours * 3600_000);
      await options.store.complete(claim, { status: reply.statusCode, headers: pickHeaders(reply), body }, keepUntil);
      return payload;
    };

    app.addHook('onRoute', (route: RouteOptions) => {
      if (!route.config?.idempotent) return;
      route.preHandler = [...asArray(route.preHandler), claimKey];
      route.onSend = [...asArray(route.onSend), storeResponse];
    });
  },
  { name: 'baza-idempotency' },
);

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function inProgress(): HttpProblemError {
  return new HttpProblemError(
    {
      status: 409,
      code: 'idempotency_request_in_progress',
      detail: { key: 'problem.idempotency_request_in_progress.detail' },
      headers: { 'retry-after': '1' },
    },
    'request with this Idempotency-Key in progress',
  );
}

/** Keys are per route and per user: one client's key never replays another's response. */
function scopeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url} ${request.user?.id ?? 'anonymous'}`;
}

function hashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.url)
    .update('\0')
    .update(JSON.stringify(request.body ?? null))
    .digest('base64url');
}

function pickHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function replay(reply: FastifyReply, response: { status: number; headers: Record<string, string>; body: string }) {
  return reply
    .status(response.status)
    .headers(response.headers)
    .header('idempotent-replayed', 'true')
    .send(response.body);
}
