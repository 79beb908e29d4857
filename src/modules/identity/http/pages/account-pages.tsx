import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { qrCodeDataUri } from '../../../../shared/http/qr-code.ts';
import {
  CommonPasswordError,
  WrongTotpSetupCodeError,
  PasswordLengthError,
  WrongPasswordError,
} from '../../domain/errors.ts';
import { USER_LOCALES, type UserLocale } from '../../domain/user.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { type MfaErrors, MfaPage, type MfaState } from '../views/account/mfa-page.tsx';
import { type PasswordErrors, PasswordPage } from '../views/account/password-page.tsx';
import { type ProfileErrors, type ProfileForm, ProfilePage } from '../views/account/profile-page.tsx';
import { SessionsPage } from '../views/account/sessions-page.tsx';
import { adminPages } from './admin-pages.tsx';
import type { IdentityPagesDeps } from './deps.ts';
import { type FormBody, formFailure, formSchema } from './form-support.ts';

const DISPLAY_NAME_MAX = 100;

/** The signed-in user's own account (profile, password, sessions, MFA), then the admin pages. */
export async function accountPages(app: FastifyInstance, deps: IdentityPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const signedIn = { preHandler: pageUserGuard() };
  const enrolling = { preHandler: pageUserGuard({ allowWithoutMfa: true }) };

  // ── profile ─────────────────────────────────────────────────────────────────────────────────
  async function profilePage(request: FastifyRequest, reply: FastifyReply, form?: ProfileForm, errors?: ProfileErrors) {
    const profile = await useCases.getProfile({ actorId: pageUser(request).id });
    const values = form ?? { displayName: profile.displayName, locale: profile.locale };
    const view = <ProfilePage ctx={renderer.context(request, reply)} profile={profile} form={values} errors={errors} />;
    return renderer.page(reply, view, errors ? 422 : 200);
  }

  app.get('/profile', signedIn, profilePage);

  app.post(
    '/profile',
    {
      ...signedIn,
      schema: { hide: true, body: formSchema('displayName', 'locale') },
    },
    async (request, reply) => {
      const body = request.body as FormBody;
      const form = { displayName: (body.displayName ?? '').trim(), locale: body.locale ?? '' };
      const locale = isUserLocale(form.locale) ? form.locale : undefined;
      const nameError = !form.displayName
        ? request.t('validation.required')
        : [...form.displayName].length > DISPLAY_NAME_MAX
          ? request.t('validation.maxLength', { limit: DISPLAY_NAME_MAX })
          : undefined;
      if (nameError || !locale) {
        return profilePage(request, reply, form, {
          form: request.t('account.form.fixErrors'),
          displayName: nameError,
          locale: locale ? undefined : request.t('validation.enum'),
        });
      }
      const actorId = pageUser(request).id;
      await useCases.updateProfile({
        actorId,
        displayName: form.displayName,
        locale,
        origin: originOf(request),
        now: clock.now(),
      });
      // The next page is already in the saved language: the user's locale wins over the cookie.
      flash.set(reply, { kind: 'success', message: 'account.profile.saved' });
      return reply.redirect('/profile', 303);
    },
  );

  // ── password ────────────────────────────────────────────────────────────────────────────────
  app.get('/profile/password', signedIn, async (request, reply) =>
    renderer.page(reply, <PasswordPage ctx={renderer.context(request, reply)} />),
  );

  app.post(
    '/profile/password',
    {
      ...signedIn,
      schema: {
        hide: true,
        body: formSchema('currentPassword', 'newPassword'),
      },
    },
    async (request, reply) => {
      const { currentPassword = '', newPassword = '' } = request.body as FormBody;
      const again = (errors: PasswordErrors, status = 422) =>
        renderer.page(reply, <PasswordPage ctx={renderer.context(request, reply)} errors={errors} />, status);
      if (!currentPassword || !newPassword) {
        return again({
          form: request.t('account.form.fixErrors'),
          currentPassword: currentPassword ? undefined : request.t('validation.required'),
          newPassword: newPassword ? undefined : request.t('validation.required'),
        });
      }
      const user = pageUser(request);
      try {
        await useCases.changePassword({
          actorId: user.id,
          sessionId: user.sessionId,
          currentPassword,
          newPassword,
          origin: originOf(request),
          now: clock.now(),
        });
      } catch (error) {
        const problem = formFailure(error, request, reply);
        if (error instanceof WrongPasswordError) return again({ currentPassword: problem.message }, problem.status);
        if (error instanceof PasswordLengthError || error instanceof CommonPasswordError) {
          return again({ newPassword: problem.message }, problem.status);
        }
        return again({ form: problem.message }, problem.status);
      }
      flash.set(reply, { kind: 'success', message: 'account.password.changed' });
      return reply.redirect('/profile', 303);
    },
  );

  // ── sessions ────────────────────────────────────────────────────────────────────────────────
  app.get('/profile/sessions', signedIn, async (request, reply) => {
    const user = pageUser(request);
    const sessions = await useCases.listMySessions({ actorId: user.id, now: clock.now() });
    const view = (
      <SessionsPage ctx={renderer.context(request, reply)} sessions={sessions} currentSessionId={user.sessionId} />
    );
    return renderer.page(reply, view);
  });

  app.post(
    '/profile/sessions/:id/revoke',
    {
      ...signedIn,
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: formSchema(),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      // Someone else's session (or an ended one) is "not found": the error page says so.
      await useCases.revokeSession({
        actorId: pageUser(request).id,
        sessionId: id,
        origin: originOf(request),
        now: clock.now(),
      });
      flash.set(reply, { kind: 'success', message: 'account.sessions.revoked' });
      return reply.redirect('/profile/sessions', 303);
    },
  );

  // ── two-factor authentication (open to staff who must still enroll) ────────────────────────
  async function mfaPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state?: MfaState,
    errors?: MfaErrors,
    status = 200,
  ) {
    const user = pageUser(request);
    const current = state ?? mfaStateOf(await useCases.getProfile({ actorId: user.id }));
    const view = (
      <MfaPage
        ctx={renderer.context(request, reply)}
        state={current}
        enrollmentRequired={user.mfaEnrollmentRequired}
        errors={errors}
      />
    );
    return renderer.page(reply, view, status);
  }

  app.get('/profile/mfa', enrolling, async (request, reply) => mfaPage(request, reply));

  app.post(
    '/profile/mfa/setup',
    { ...enrolling, schema: { hide: true, body: formSchema('password') } },
    async (request, reply) => {
      const password = (request.body as FormBody).password ?? '';
      if (!password) return mfaPage(request, reply, undefined, { password: request.t('validation.required') }, 422);
      try {
        const enrollment = await useCases.startTotpEnrollment({
          actorId: pageUser(request).id,
          password,
          now: clock.now(),
        });
        const qr = await qrCodeDataUri(enrollment.otpauthUri);
        return await mfaPage(request, reply, { kind: 'enrolling', secret: enrollment.secret, qrCodeDataUri: qr });
      } catch (error) {
        const problem = formFailure(error, request, reply);
        if (error instanceof WrongPasswordError) {
          return mfaPage(request, reply, undefined, { password: problem.message }, problem.status);
        }
        return mfaPage(request, reply, undefined, { form: problem.message }, problem.status);
      }
    },
  );

  app.post(
    '/profile/mfa/confirm',
    { ...enrolling, schema: { hide: true, body: formSchema('code') } },
    async (request, reply) => {
      const code = ((request.body as FormBody).code ?? '').trim();
      if (!code)
        return mfaPage(request, reply, { kind: 'confirming' }, { code: request.t('validation.required') }, 422);
      try {
        const { recoveryCodes } = await useCases.confirmTotp({
          actorId: pageUser(request).id,
          code,
          origin: originOf(request),
          now: clock.now(),
        });
        return await mfaPage(request, reply, { kind: 'recovery_codes', codes: recoveryCodes });
      } catch (error) {
        const problem = formFailure(error, request, reply);
        if (error instanceof WrongTotpSetupCodeError) {
          return mfaPage(request, reply, { kind: 'confirming' }, { code: problem.message }, problem.status);
        }
        return mfaPage(request, reply, undefined, { form: problem.message }, problem.status);
      }
    },
  );

  app.post(
    '/profile/mfa/disable',
    { ...enrolling, schema: { hide: true, body: formSchema('password') } },
    async (request, reply) => {
      const password = (request.body as FormBody).password ?? '';
      if (!password)
        return mfaPage(request, reply, { kind: 'on' }, { password: request.t('validation.required') }, 422);
      try {
        await useCases.disableTotp({
          actorId: pageUser(request).id,
          password,
          origin: originOf(request),
          now: clock.now(),
        });
      } catch (error) {
        const problem = formFailure(error, request, reply);
        if (error instanceof WrongPasswordError) {
          return mfaPage(request, reply, { kind: 'on' }, { password: problem.message }, problem.status);
        }
        return mfaPage(request, reply, undefined, { form: problem.message }, problem.status);
      }
      flash.set(reply, { kind: 'success', message: 'account.mfa.disabled' });
      return reply.redirect('/profile/mfa', 303);
    },
  );

  await adminPages(app, deps);
}

function mfaStateOf(profile: { mfaEnabled: boolean }): MfaState {
  return profile.mfaEnabled ? { kind: 'on' } : { kind: 'off' };
}

function isUserLocale(value: string): value is UserLocale {
  return (USER_LOCALES as readonly string[]).includes(value);
}
