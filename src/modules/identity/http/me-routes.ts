import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { qrCodeDataUri } from '../../../shared/http/qr-code.ts';
import type { IdentityRouteDeps } from './auth-routes.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import { DisplayName, Empty, Locale, Password, SessionSchema, sessionJson, UserSchema, userJson } from './schemas.ts';

const tags = ['me'];
const security = [{ bearerAuth: [] }];

/** The signed-in user's own account: profile, password, sessions and MFA. */
export function meRoutes(deps: IdentityRouteDeps) {
  const { useCases, clock } = deps;
  return async (app: FastifyInstance) => {
    app.get(
      '/me',
      { schema: { tags, security, summary: 'My profile', response: { 200: UserSchema } } },
      async (request) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        return userJson(await useCases.getProfile({ actorId: user.id }));
      },
    );

    app.patch(
      '/me',
      {
        schema: {
          tags,
          security,
          summary: 'Change my display name or locale (nothing else is taken from the body)',
          body: Type.Object({ displayName: Type.Optional(DisplayName), locale: Type.Optional(Locale) }),
          response: { 200: UserSchema },
        },
      },
      async (request) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const body = request.body as { displayName?: string; locale?: 'ru' | 'en' };
        await useCases.updateProfile({
          actorId: user.id,
          displayName: body.displayName,
          locale: body.locale,
          origin: originOf(request),
          now: clock.now(),
        });
        return userJson(await useCases.getProfile({ actorId: user.id }));
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          security,
          summary: 'Change my password; my other sessions end',
          body: Type.Object({ currentPassword: Password, newPassword: Password }),
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const body = request.body as { currentPassword: string; newPassword: string };
        await useCases.changePassword({
          ...body,
          actorId: user.id,
          sessionId: user.sessionId,
          origin: originOf(request),
          now: clock.now(),
        });
        return reply.status(204).send();
      },
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          tags,
          security,
          summary: 'My live sessions (devices)',
          response: { 200: Type.Object({ items: Type.Array(SessionSchema), total: Type.Integer() }) },
        },
      },
      async (request) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const sessions = await useCases.listMySessions({ actorId: user.id, now: clock.now() });
        return { items: sessions.map((session) => sessionJson(session, user.sessionId)), total: sessions.length };
      },
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          tags,
          security,
          summary: 'End one of my sessions',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const { id } = request.params as { id: string };
        await useCases.revokeSession({ actorId: user.id, sessionId: id, origin: originOf(request), now: clock.now() });
        return reply.status(204).send();
      },
    );

    app.post(
      '/me/mfa/totp',
      {
        schema: {
          tags,
          security,
          summary: 'Start TOTP enrollment (needs the password): a secret, its otpauth URI and a QR code',
          body: Type.Object({ password: Password }),
          response: {
            200: Type.Object({ secret: Type.String(), otpauthUri: Type.String(), qrCodeDataUri: Type.String() }),
          },
        },
      },
      async (request) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const { password } = request.body as { password: string };
        const enrollment = await useCases.startTotpEnrollment({ actorId: user.id, password, now: clock.now() });
        return { ...enrollment, qrCodeDataUri: await qrCodeDataUri(enrollment.otpauthUri) };
      },
    );

    app.post(
      '/me/mfa/totp/confirm',
      {
        schema: {
          tags,
          security,
          summary: 'Confirm TOTP with a code; returns single-use recovery codes (shown once)',
          body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) }),
          response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }) },
        },
      },
      async (request) => {
        const user = currentUser(request, { allowWithoutMfa: true });
        const { code } = request.body as { code: string };
        return useCases.confirmTotp({ actorId: user.id, code, origin: originOf(request), now: clock.now() });
      },
    );

    app.delete(
      '/me/mfa/totp',
      {
        schema: {
          tags,
          security,
          summary: 'Turn TOTP off (needs the password)',
          body: Type.Object({ password: Password }),
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const { password } = request.body as { password: string };
        await useCases.disableTotp({ actorId: user.id, password, origin: originOf(request), now: clock.now() });
        return reply.status(204).send();
      },
    );
  };
}
