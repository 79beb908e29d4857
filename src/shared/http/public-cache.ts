import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ContentGeneration } from '../infrastructure/content-generation.ts';

export type PublicCacheRouteConfig = {
  /**
   * The response is the same for every guest (no CSRF token, no flash), so it may be kept in
   * the server's cache like the JSON API; the handler's own Cache-Control stays.
   */
  shared?: boolean;
  /** Runs when a guest is answered from the cache instead of the handler (e.g. to count a view). */
  onHit?: (request: FastifyRequest) => Promise<void>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public read: guests get an ETag (304 on If-None-Match); JSON API (and `shared`) answers
     * for guests are also kept in the server's response cache until published content changes.
     */
    publicCache?: true | PublicCacheRouteConfig;
  }
}

export type PublicCacheOptions = {
  generation: ContentGeneration;
  maxEntries: number;
  /** Backstop for changes that bypass HTTP (CLI imports, direct SQL): no entry outlives this. */
  ttlMs: number;
  maxBodyBytes?: number;
  now?: () => number;
};

type Entry = {
  generation: string;
  storedAt: number;
  etag: string;
  headers: Record<string, string>;
  body: string;
};
type Pending = { key: string; generation: string } | { hit: true };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Every staff write to articles, mini-tests, the matrix, tracks and their settings lives here.
const CONTENT_WRITES = ['/admin/', '/api/v1/admin/'];
const API_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const API_VARY = 'Accept-Language, Cookie, Authorization';
const REPLAYED_HEADERS = ['content-type', 'cache-control', 'vary'];
// Pages carry the visitor's CSRF token and flash messages: revalidated, never shared.
const PAGE_CACHE_CONTROL = 'private, no-cache';

/**
 * Response caching for public reads. Guests only: a signed-in request (a user, a bearer token)
 * keeps the handler's own `no-store`. A successful staff write bumps the content generation
 * before its response leaves, so the next read, on any instance, misses.
 */
export const publicCache = fp(
  async (app: FastifyInstance, options: PublicCacheOptions) => {
    const cache = createLruCache<Entry>(options.maxEntries);
    const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
    const now = options.now ?? Date.now;
    const pending = new WeakMap<FastifyRequest, Pending>();

    app.addHook('preHandler', async (request, reply) => {
      const config = request.routeOptions.config.publicCache;
      if (!config || request.method !== 'GET' || !isGuest(request) || !isShared(request)) return;
      const generation = await options.generation.current();
      if (generation === undefined) return;
      const key = `${request.locale}\u0000${request.url}`;
      const entry = cache.get(key);
      if (entry && entry.generation === generation && now() - entry.storedAt < options.ttlMs) {
        pending.set(request, { hit: true });
        if (config !== true && config.onHit) await config.onHit(request);
        return sendEntry(request, reply, entry);
      }
      pending.set(request, { key, generation });
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (UNSAFE.has(request.method)) {
        if (reply.statusCode < 400 && isContentWrite(request)) await options.generation.bump();
        return payload;
      }
      const state = pending.get(request);
      if (state && 'hit' in state) return payload;
      if (!request.routeOptions.config.publicCache || request.method !== 'GET' || reply.statusCode !== 200) {
        return payload;
      }
      const api = isApi(request);
      if (!isGuest(request)) {
        // Signed-in readers may see more (students-only articles): never in a shared cache.
        if (api) reply.header('cache-control', 'private, no-store');
        return payload;
      }
      if (reply.hasHeader('set-cookie') || typeof payload !== 'string') return payload;
      const etag = strongEtag(payload);
      reply.header('etag', etag);
      if (api) reply.header('cache-control', API_CACHE_CONTROL).header('vary', API_VARY);
      else if (!isShared(request)) reply.header('cache-control', PAGE_CACHE_CONTROL);
      if (state && Buffer.byteLength(payload) <= maxBodyBytes) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        cache.set(state.key, { generation: state.generation, storedAt: now(), etag, headers, body: payload });
      }
      return notModified(request, reply, etag) ? '' : payload;
    });
  },
  { name: 'baza-public-cache', dependencies: ['baza-i18n'] },
);

function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
  reply.headers(entry.headers).header('etag', entry.etag);
  if (ifNoneMatch(request, entry.etag)) return reply.code(304).send('');
  return reply.send(entry.body);
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

function isShared(request: FastifyRequest): boolean {
  const config = request.routeOptions.config.publicCache;
  return isApi(request) || (config !== undefined && config !== true && config.shared === true);
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
