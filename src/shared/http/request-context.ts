import 'fastify';
import type { Locale, Translate } from './i18n/index.ts';

/** The acting user once identity authenticates the request; undefined for guests. */
export type RequestUser = Readonly<{
  id: string;
  sessionId: string;
  email: string;
  displayName: string;
  role: 'student' | 'moderator' | 'admin' | 'owner';
  locale?: string | undefined;
  mfaEnabled: boolean;
  /** Staff without MFA where the deployment requires it: only the MFA setup is open to them. */
  mfaEnrollmentRequired: boolean;
  /** Where the user's avatar is downloaded (`/api/v1/files/{id}`), or null (the UI shows initials). */
  avatarUrl: string | null;
}>;

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    user: RequestUser | undefined;
    /** The CSRF token for forms on this page; sets the CSRF cookie when it is missing. */
    csrfToken(): string;
  }

  interface FastifyInstance {
    /** Called when someone picks a language with the switcher (after the cookie is set). */
    localeChoiceHandlers: Array<(request: FastifyRequest, locale: Locale) => Promise<void>>;
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
