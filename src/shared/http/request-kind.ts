import type { FastifyRequest } from 'fastify';

const MACHINE_PREFIXES = ['/api/', '/health/', '/metrics'];

/** JSON clients get problem+json; browsers get HTML pages, and htmx gets fragments. */
export function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url;
  if (MACHINE_PREFIXES.some((prefix) => path.startsWith(prefix)) || path === '/api') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') || isHtmx(request);
}

export function isHtmx(request: FastifyRequest): boolean {
  return request.headers['hx-request'] === 'true';
}

export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/';
}
