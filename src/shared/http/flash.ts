import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cookies } from './cookies.ts';
import { isMessageKey } from './i18n/index.ts';
import type { Flash } from './views/page-context.ts';

const FLASH_KINDS = new Set<Flash['kind']>(['success', 'info', 'warning', 'danger']);

/** A one-shot message shown on the next page: a signed cookie holding a message key, never text. */
export function createFlash(cookies: Cookies) {
  return {
    set(reply: FastifyReply, flash: Flash): void {
      cookies.set(reply, 'flash', `${flash.kind}:${flash.message}`, { signed: true, maxAge: 60 });
    },
    take(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
      const value = cookies.readSigned(request, 'flash');
      if (value === undefined) return undefined;
      cookies.clear(reply, 'flash');
      const separator = value.indexOf(':');
      const kind = value.slice(0, separator) as Flash['kind'];
      const message = value.slice(separator + 1);
      return FLASH_KINDS.has(kind) && isMessageKey(message) ? { kind, message } : undefined;
    },
  };
}

export type FlashMessages = ReturnType<typeof createFlash>;
