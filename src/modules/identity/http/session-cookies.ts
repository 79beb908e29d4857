import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cookies } from '../../../shared/http/cookies.ts';

export type CookieTokens = Readonly<{
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}>;

/**
 * The web UI's session: the access token (15 min) and the refresh token in HttpOnly,
 * SameSite=Lax cookies (`__Host-` and Secure in production). The refresh cookie lives until the
 * session's idle deadline; the access cookie as long as the token.
 */
export function createSessionCookies(cookies: Cookies, clock: { now(): Date }) {
  return {
    set(reply: FastifyReply, tokens: CookieTokens): void {
      cookies.set(reply, 'access', tokens.accessToken, { maxAge: tokens.expiresIn });
      const refreshSeconds = Math.max(
        1,
        Math.floor((tokens.refreshExpiresAt.getTime() - clock.now().getTime()) / 1000),
      );
      cookies.set(reply, 'refresh', tokens.refreshToken, { maxAge: refreshSeconds });
    },
    clear(reply: FastifyReply): void {
      cookies.clear(reply, 'access');
      cookies.clear(reply, 'refresh');
    },
    access: (request: FastifyRequest) => cookies.read(request, 'access'),
    refresh: (request: FastifyRequest) => cookies.read(request, 'refresh'),
  };
}

export type SessionCookies = ReturnType<typeof createSessionCookies>;
