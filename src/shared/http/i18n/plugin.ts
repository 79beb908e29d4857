import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { Cookies } from '../cookies.ts';
import type { FlashMessages } from '../flash.ts';
import { isLocale, type Locale, resolveLocale, translator } from './index.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Decorates every request with its locale and translator, and serves the language switch. */
export const i18nPlugin = fp(
  async (app: FastifyInstance, options: { defaultLocale: Locale; cookies: Cookies }) => {
    app.decorate('localeChoiceHandlers', []);
    app.decorateRequest('locale', options.defaultLocale);
    app.decorateRequest('t', translator(options.defaultLocale));
    app.addHook('onRequest', async (request) => applyLocale(request, options));
  },
  { name: 'baza-i18n', dependencies: ['@fastify/cookie'] },
);

/** Re-resolves the locale; authentication calls it again once it knows the user's preference. */
export function applyLocale(request: FastifyRequest, options: { defaultLocale: Locale; cookies: Cookies }): void {
  const locale = resolveLocale({
    userLocale: request.user?.locale,
    cookie: options.cookies.read(request, 'locale'),
    acceptLanguage: request.headers['accept-language'],
    defaultLocale: options.defaultLocale,
  });
  request.locale = locale;
  request.t = translator(locale);
}

const LocaleForm = Type.Object({
  locale: Type.String(),
  returnTo: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String()),
});

/** POST /locale: a plain form (works without JavaScript) that stores the choice in a cookie. */
export async function localeSwitchRoute(app: FastifyInstance, options: { cookies: Cookies; flash: FlashMessages }) {
  app.post('/locale', { schema: { body: LocaleForm, hide: true } }, async (request, reply) => {
    const body = request.body as { locale: string; returnTo?: string };
    if (isLocale(body.locale)) {
      options.cookies.set(reply, 'locale', body.locale, { maxAge: ONE_YEAR_SECONDS });
      // E.g. identity saves it as a signed-in user's preference (which outranks the cookie).
      for (const handler of app.localeChoiceHandlers) await handler(request, body.locale);
      options.flash.set(reply, { kind: 'success', message: 'locale.changed' });
    }
    return reply.redirect(safeReturnPath(body.returnTo), 303);
  });
}

/**
 * Only a path on this site, so the form cannot be an open redirect: resolved the way a browser
 * would (which drops tabs and newlines and turns `\\` into `/`), it must stay on the same origin;
 * the result is percent-encoded, so it is always a valid Location header.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/')) return '/';
  const base = 'http://return.invalid';
  try {
    const resolved = new URL(value, base);
    const path = `${resolved.pathname}${resolved.search}`;
    // Dot segments can leave `//host` behind (`/.//evil.example`): a browser reads that as another site.
    return resolved.origin === base && !path.startsWith('//') ? path : '/';
  } catch {
    return '/';
  }
}
