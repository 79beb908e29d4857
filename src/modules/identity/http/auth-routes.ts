import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { HttpProblemError } from '../../../shared/http/http-errors.ts';
import type { IssuedSession } from '../application/issue-session.ts';
import { profileOf } from '../application/reads.ts';
import type { IdentityUseCases } from '../application/use-cases.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import {
  Accepted,
  DisplayName,
  Email,
  Empty,
  Locale,
  MfaChallenge,
  OneTimeToken,
  Password,
  RefreshedTokens,
  SessionTokens,
  userJson,
} from './schemas.ts';
import type { SessionCookies } from './session-cookies.ts';

export type IdentityRouteDeps = {
  useCases: IdentityUseCases;
  sessionCookies: SessionCookies;
  clock: { now(): Date };
  defaultLocale: 'ru' | 'en';
  mfaRequiredForStaff: boolean;
  devMailbox: boolean;
};

const tags = ['auth'];

/** Registration, verification, login (with the MFA step), refresh, logout and password reset. */
export function authRoutes(deps: IdentityRouteDeps) {
  const { useCases, sessionCookies, clock } = deps;
  const issued = (reply: FastifyReply, session: IssuedSession) => {
    sessionCookies.set(reply, session);
    return {
      accessToken: session.accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: session.expiresIn,
      refreshToken: session.refreshToken,
      user: userJson(profileOf(session.user)),
    };
  };

  return async (app: FastifyInstance) => {
    app.post(
      '/auth/register',
      {
        schema: {
          tags,
          summary: 'Register (always 202: the answer never reveals whether the address has an account)',
          body: Type.Object({
            email: Email,
            password: Password,
            displayName: DisplayName,
            locale: Type.Optional(Locale),
          }),
          response: { 202: Accepted },
        },
      },
      async (request, reply) => {
        const body = request.body as { email: string; password: string; displayName: string; locale?: 'ru' | 'en' };
        await useCases.registerUser({
          ...body,
          locale: body.locale ?? (request.locale === 'en' ? 'en' : deps.defaultLocale),
          origin: originOf(request),
          now: clock.now(),
        });
        return reply.status(202).send({ status: 'accepted' });
      },
    );

    app.post(
      '/auth/verify-email',
      {
        schema: {
          tags,
          summary: 'Confirm an email address with the emailed token',
          body: Type.Object({ token: OneTimeToken }),
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        await useCases.verifyEmail({
          token: (request.body as { token: string }).token,
          origin: originOf(request),
          now: clock.now(),
        });
        return reply.status(204).send();
      },
    );

    for (const [path, summary, action] of [
      ['/auth/resend-verification', 'Send the verification link again (always 202)', useCases.resendVerification],
      ['/auth/password-reset/request', 'Email a password reset link (always 202)', useCases.requestPasswordReset],
    ] as const) {
      app.post(
        path,
        { schema: { tags, summary, body: Type.Object({ email: Email }), response: { 202: Accepted } } },
        async (request, reply) => {
          await action({
            email: (request.body as { email: string }).email,
            origin: originOf(request),
            now: clock.now(),
          });
          return reply.status(202).send({ status: 'accepted' });
        },
      );
    }

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Set a new password with the emailed token; ends every session',
          body: Type.Object({ token: OneTimeToken, newPassword: Password }),
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        const body = request.body as { token: string; newPassword: string };
        await useCases.resetPassword({ ...body, origin: originOf(request), now: clock.now() });
        return reply.status(204).send();
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary: 'Log in: tokens, or an MFA challenge when the account has TOTP',
          body: Type.Object({ email: Email, password: Password }),
          response: { 200: Type.Union([SessionTokens, MfaChallenge]) },
        },
      },
      async (request, reply) => {
        const body = request.body as { email: string; password: string };
        const result = await useCases.logIn({ ...body, origin: originOf(request), now: clock.now() });
        if (result.kind === 'mfa_required') return { mfaRequired: true as const, mfaToken: result.mfaToken };
        return issued(reply, result);
      },
    );

    app.post(
      '/auth/login/mfa',
      {
        schema: {
          tags,
          summary: 'Second login step: a TOTP code or a recovery code',
          body: Type.Object({
            mfaToken: Type.String({ maxLength: 2048 }),
            code: Type.String({ minLength: 1, maxLength: 64 }),
          }),
          response: { 200: SessionTokens },
        },
      },
      async (request, reply) => {
        const body = request.body as { mfaToken: string; code: string };
        return issued(reply, await useCases.completeMfaLogin({ ...body, origin: originOf(request), now: clock.now() }));
      },
    );

    app.post(
      '/auth/refresh',
      {
        schema: {
          tags,
          summary: 'New token pair (rotation); a rotated token presented again revokes its session',
          body: Type.Optional(Type.Object({ refreshToken: Type.Optional(Type.String({ maxLength: 256 })) })),
          response: { 200: RefreshedTokens },
        },
        // A body-less POST (the cookie carries the token) has no body to validate against the object schema.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) => {
        const refreshToken =
          (request.body as { refreshToken?: string } | undefined)?.refreshToken ?? cookieToken(request);
        if (!refreshToken)
          throw new HttpProblemError({ status: 401, code: 'invalid_refresh_token' }, 'no refresh token');
        const result = await useCases.refreshSession({ refreshToken, origin: originOf(request), now: clock.now() });
        if (result.kind !== 'rotated') throw new Error('rotation without a grace period always rotates');
        sessionCookies.set(reply, result);
        const { accessToken, expiresIn } = result;
        return { accessToken, tokenType: 'Bearer' as const, expiresIn, refreshToken: result.refreshToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags,
          summary: "End the current session: the bearer token's, or that of a refresh token (body or cookie)",
          security: [{ bearerAuth: [] }, {}],
          body: Type.Optional(Type.Object({ refreshToken: Type.Optional(Type.String({ maxLength: 256 })) })),
          response: { 204: Empty },
        },
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) => {
        const origin = originOf(request);
        const refreshToken = (request.body as { refreshToken?: string }).refreshToken ?? cookieToken(request);
        if (request.user) {
          const { id, sessionId } = request.user;
          await useCases.logOut({ userId: id, sessionId, origin, now: clock.now() });
        } else if (refreshToken) {
          await useCases.logOutWithRefreshToken({ refreshToken, origin, now: clock.now() });
        } else {
          currentUser(request); // 401: nothing says which session to end
        }
        sessionCookies.clear(reply);
        return reply.status(204).send();
      },
    );

    /** The refresh cookie, only from this site (a cross-site request cannot rotate it). */
    function cookieToken(request: FastifyRequest): string | undefined {
      if (request.headers['sec-fetch-site'] === 'cross-site') return undefined;
      return sessionCookies.refresh(request);
    }
  };
}
