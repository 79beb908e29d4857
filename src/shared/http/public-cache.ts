import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ContentGeneration } from '../infrastructure/content-generation.ts';

export type PublicCacheRouteConfig = {
  /** Runs when a guest is answered from the cache instead of the handler (e.g. to count a view). */
  onHit?: (request: FastifyRequest) => Promise<void>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public read: guests get a strong ETag (304 on If-None-Match) and are answered from the
     * server's response cache until published content changes.
     */
    publicCache?: true | PublicCacheRouteConfig;
  }
}

export type PublicCacheOptions = {
  generation: ContentGeneration;
  maxEntries: number;
  /** Backstop for changes that bypass HTTP (CLI imports, direct SQL): no entry outlives this. */
  ttlMs: number;
  /** Cookie names as sent: the CSRF cookie a page may set, the flash cookie a page consumes. */
  cookieNames: { csrf: string; flash: string };
  maxBodyBytes?: number;
  now?: () => number;
};

type Entry = {
  generation: string;
  storedAt: number;
  headers: Record<string, string>;
  /** For pages, the visitor's CSRF token is replaced by CSRF_SLOT. */
  body: string;
};
type Pending = { key: string; generation: string } | { hit: true };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Every staff write to articles, mini-tests, the matrix, tracks and their settings lives here.
const CONTENT_WRITES = ['/admin/', '/api/v1/admin/'];
const API_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const API_VARY = 'Accept-Language, Cookie, Authorization';
// A page carries the visitor's CSRF token: revalidated by the browser, never kept by a proxy.
const PAGE_CACHE_CONTROL = 'private, no-cache';
const REPLAYED_HEADERS = ['content-type', 'cache-control', 'vary'];
const CSRF_SLOT = '\u0000csrf-token\u0000';

/**
 * Response caching for public reads, for guests only: a signed-in request (a user, a bearer
 * token) gets the handler's answer and `no-store`. A guest's page is cached with its CSRF token
 * cut out and gets its own token back on a hit; a request carrying a flash message bypasses
 * the cache. A successful staff write bumps the content generation before its response leaves,
 * so the next read, on any instance, misses.
 */
export const publicCache = fp(
  async (app: FastifyInstance, options: PublicCacheOptions) => {
    const cache = createLruCache<Entry>(options.maxEntries);
    const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
    const now = options.now ?? Date.now;
    const pending = new WeakMap<FastifyRequest, Pending>();

    app.addHook('preHandler', async (request, reply) => {
      const config = request.routeOptions.config.publicCache;
      if (!config || request.method !== 'GET' || !isGuest(request)) return;
      if (request.cookies[options.cookieNames.flash] !== undefined) return;
      const generation = await options.generation.current();
      if (generation === undefined) return;
      const key = cacheKey(request);
      const entry = cache.get(key);
      if (entry && entry.generation === generation && now() - entry.storedAt < options.ttlMs) {
        pending.set(request, { hit: true });
        if (config !== true && config.onHit) await config.onHit(request);
        const body = isApi(request) ? entry.body : entry.body.replaceAll(CSRF_SLOT, request.csrfToken());
        reply.headers(entry.headers);
        return reply.send(body);
      }
      pending.set(request, { key, generation });
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (UNSAFE.has(request.method)) {
        if (reply.statusCode < 400 && isContentWrite(request)) await options.generation.bump();
        return payload;
      }
      if (!request.routeOptions.config.publicCache || request.method !== 'GET' || reply.statusCode !== 200) {
        return payload;
      }
      const api = isApi(request);
      if (!isGuest(request)) {
        // Signed-in readers may see more (students-only articles): never in a shared cache.
        if (api) reply.header('cache-control', 'private, no-store');
        return payload;
      }
      if (typeof payload !== 'string') return payload;
      const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      if (api) reply.header('cache-control', API_CACHE_CONTROL).header('vary', API_VARY);
      else if (html) reply.header('cache-control', PAGE_CACHE_CONTROL);
      const state = pending.get(request);
      const storable =
        state !== undefined &&
        !('hit' in state) &&
        Buffer.byteLength(payload) <= maxBodyBytes &&
        onlyCookie(reply, options.cookieNames.csrf);
      if (storable) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        const body = html ? payload.replaceAll(request.csrfToken(), CSRF_SLOT) : payload;
        cache.set(state.key, { generation: state.generation, storedAt: now(), headers, body });
      }
      const etag = strongEtag(payload);
      reply.header('etag', etag);
      return notModified(request, reply, etag) ? '' : payload;
    });
  },
  { name: 'baza-public-cache', dependencies: ['baza-i18n', '@fastify/cookie'] },
);

/** Everything a public answer depends on besides the data: the URL, the language, htmx's target. */
function cacheKey(request: FastifyRequest): string {
  const { headers } = request;
  return [
    request.locale,
    headers['hx-request'],
    headers['hx-target'],
    headers['hx-history-restore-request'],
    request.url,
  ].join('\u0000');
}

/** No Set-Cookie but, maybe, the CSRF cookie (its value is cut out of the cached page). */
function onlyCookie(reply: FastifyReply, name: string): boolean {
  const header = reply.getHeader('set-cookie');
  const cookies = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return cookies.every((cookie) => cookie.startsWith(`${name}=`));
}

function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  if (!ifNoneMatch(request, etag)) return false;
  reply.code(304);
  reply.removeHeader('content-length');
  return true;
}

function ifNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function strongEtag(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function isGuest(request: FastifyRequest): boolean {
  return request.user === undefined && request.headers.authorization === undefined;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function isContentWrite(request: FastifyRequest): boolean {
  return CONTENT_WRITES.some((prefix) => request.url.startsWith(prefix));
}

/** A Map kept in recency order: a read moves the key to the end, an insert evicts the oldest. */
export function createLruCache<V>(maxEntries: number) {
  const entries = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key: string, value: V): void {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size(): number {
      return entries.size;
    },
  };
}
