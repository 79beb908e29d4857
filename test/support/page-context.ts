import { type Locale, translator } from '../../src/shared/http/i18n/index.ts';
import type { PageContext } from '../../src/shared/http/views/page-context.ts';

/** What a view needs to render outside a request: a guest on `path` in `locale`. */
export function pageContext(path: string, locale: Locale = 'en'): PageContext {
  return {
    locale,
    t: translator(locale),
    path,
    csrfToken: 'token',
    requestId: 'req-1',
    flash: undefined,
    user: undefined,
  };
}
