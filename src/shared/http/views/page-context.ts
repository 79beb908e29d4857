import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { RequestUser } from '../request-context.ts';

export type Flash = { kind: 'success' | 'info' | 'warning' | 'danger'; message: MessageKey };

/** What every page view needs from the request, built once per request by `reply.page`. */
export type PageContext = {
  locale: Locale;
  t: Translate;
  path: string;
  csrfToken: string;
  requestId: string;
  flash: Flash | undefined;
  /** The signed-in user, or undefined for guests. */
  user: RequestUser | undefined;
};
