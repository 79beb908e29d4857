import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { UnauthenticatedError } from '../../../shared/domain/errors.ts';
import { applyLocale } from '../../../shared/http/i18n/plugin.ts';
import type { Locale } from '../../../shared/http/i18n/index.ts';
import type { Cookies } from '../../../shared/http/cookies.ts';
import type { Principal } from '../application/reads.ts';
import { needsMfaEnrollment } from '../application/queries/authenticate.ts';
import type { IdentityUseCases } from '../application/use-cases.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { SessionCookies } from './session-cookies.ts';

const UNAUTHENTICATED_PREFIXES = ['/assets/', '/health/', '/metrics', '/favicon'];
/** A refresh cookie rotated this recently by a parallel request of the same browser is not theft. */
const PAGE_REFRESH_GRACE_SECONDS = 30;

export type AuthenticationOptions = {
  useCases: IdentityUseCases;
  sessionCookies: SessionCookies;
  cookies: Cookies;
  defaultLocale: Locale;
  mfaRequiredForStaff: boolean;
  clock: { now(): Date };
};

/**
 * Resolves `request.user` for every request: the JSON API from `Authorization: Bearer`, pages
 * from the session cookies (rotating the refresh cookie when the access cookie has expired).
 * Then the user's locale applies. Routes decide whether a user is required.
 */
export const authentication = fp(
  async (app: FastifyInstance, options: AuthenticationOptions) => {
    // The language switcher also saves a signed-in user's choice: their preference drives the UI
    // and their emails, and outranks the locale cookie.
    app.localeChoiceHandlers.push(async (request, locale) => {
      if (!request.user) return;
      await options.useCases.updateProfile({
        actorId: request.user.id,
        locale,
        origin: originOf(request),
        now: options.clock.now(),
      });
    });

    app.addHook('onRequest', async (request, reply) => {
      const path = request.url;
      if (UNAUTHENTICATED_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
      const now = options.clock.now();
      const principal = path.startsWith('/api/')
        ? await fromBearer(request, now)
        : await fromCookies(request, reply, now);
      if (!principal) return;
      request.user = {
        id: principal.userId,
        sessionId: principal.sessionId,
        email: principal.email,
        displayName: principal.displayName,
        role: principal.role,
        locale: principal.locale,
        mfaEnabled: principal.mfaEnabled,
        mfaEnrollmentRequired: needsMfaEnrollment(principal, options.mfaRequiredForStaff),
        avatarUrl: principal.avatarUrl,
      };
      applyLocale(request, { defaultLocale: options.defaultLocale, cookies: options.cookies });
    });

    async function fromBearer(request: FastifyRequest, now: Date): Promise<Principal | undefined> {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer ([\w.~+/-]+=*)$/i.exec(header.trim()) : null;
      if (!match?.[1]) return undefined;
      return unlessUnauthenticated(options.useCases.authenticate({ accessToken: match[1], now }));
    }

    async function fromCookies(
      request: FastifyRequest,
      reply: FastifyReply,
      now: Date,
    ): Promise<Principal | undefined> {
      const access = options.sessionCookies.access(request);
      if (access) {
        const principal = await unlessUnauthenticated(options.useCases.authenticate({ accessToken: access, now }));
        if (principal) return principal;
      }
      const refreshToken = options.sessionCookies.refresh(request);
      if (!refreshToken) return undefined;
      const refreshed = await unlessUnauthenticated(
        options.useCases.refreshSession({
          refreshToken,
          origin: originOf(request),
          now,
          graceSeconds: PAGE_REFRESH_GRACE_SECONDS,
        }),
      );
      if (!refreshed) {
        options.sessionCookies.clear(reply);
        return undefined;
      }
      if (refreshed.kind === 'rotated') options.sessionCookies.set(reply, refreshed);
      return unlessUnauthenticated(
        options.useCases.authenticateSession({ sessionId: refreshed.sessionId, userId: refreshed.userId, now }),
      );
    }
  },
  { name: 'baza-authentication', dependencies: ['@fastify/cookie', 'baza-i18n'] },
);

async function unlessUnauthenticated<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return undefined;
    throw error;
  }
}
