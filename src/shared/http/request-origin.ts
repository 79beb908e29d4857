import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from '../domain/audit.ts';

/** Where a request comes from, for audit events and per-IP limits (`request.ip` honours TRUSTED_PROXIES). */
export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    requestId: request.id,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined,
  };
}
