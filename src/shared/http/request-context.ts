import 'fastify';
import type { Locale, Translate } from './i18n/index.ts';

/** The acting user once identity authenticates the request (issue #3); undefined for guests. */
export type RequestUser = { id: string; locale?: string | undefined };

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    user: RequestUser | undefined;
    /** The CSRF token for forms on this page; sets the CSRF cookie when it is missing. */
    csrfToken(): string;
  }

  interface FastifyInstance {
    /** Rejects an unsafe request without a valid CSRF token from this site (pages only). */
    verifyCsrf: (request: FastifyRequest) => Promise<void>;
  }

  interface FastifyContextConfig {
    /** Pages check a CSRF token on unsafe methods unless this is false. */
    csrf?: boolean;
    /** Accept an `Idempotency-Key` header: repeats replay the first response. */
    idempotent?: boolean;
  }
}
