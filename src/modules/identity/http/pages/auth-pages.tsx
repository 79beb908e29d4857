import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeReturnPath } from '../../../../shared/http/i18n/plugin.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { IdentityRouteDeps } from '../auth-routes.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import { CheckEmailPage } from '../views/auth/check-email-page.tsx';
import {
  type EmailRequestForm,
  ForgotPasswordPage,
  ResendVerificationPage,
} from '../views/auth/email-request-page.tsx';
import { type LoginForm, LoginPage } from '../views/auth/login-page.tsx';
import { type MfaForm, MfaPage } from '../views/auth/mfa-page.tsx';
import { type RegisterForm, RegisterPage } from '../views/auth/register-page.tsx';
import { type ResetPasswordForm, ResetPasswordPage } from '../views/auth/reset-password-page.tsx';
import { VerifyEmailPage } from '../views/auth/verify-email-page.tsx';
import { emailError, fieldErrors, type FormBody, formFailure, formSchema, returnPath } from './form-support.ts';

const PASSWORD_RULES = new Set(['identity.weak_password', 'identity.common_password']);
const CHECK_EMAIL_KINDS = ['registered', 'verification', 'reset'] as const;
type CheckEmailKind = (typeof CHECK_EMAIL_KINDS)[number];
const DISPLAY_NAME_MAX = 100;

/** Sign-up, email verification, sign-in (with the MFA step), logout and password reset pages. */
// The deps are spelled out rather than imported from ./index.ts, which imports this file (no cycle).
export async function authPages(app: FastifyInstance, deps: PagesDeps & IdentityRouteDeps): Promise<void> {
  const { renderer, flash, useCases, sessionCookies, clock } = deps;
  const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
  const query = (request: FastifyRequest) => request.query as FormBody;
  const input = (request: FastifyRequest) => ({ origin: originOf(request), now: clock.now() });
  const page = (request: FastifyRequest, reply: FastifyReply) => renderer.context(request, reply);

  const registerPage = (request: FastifyRequest, reply: FastifyReply, form: RegisterForm, status = 200) =>
    renderer.page(reply, <RegisterPage ctx={page(request, reply)} form={form} />, status);
  const loginPage = (request: FastifyRequest, reply: FastifyReply, form: LoginForm, status = 200) =>
    renderer.page(reply, <LoginPage ctx={page(request, reply)} form={form} />, status);
  const mfaPage = (request: FastifyRequest, reply: FastifyReply, form: MfaForm, status = 200) =>
    renderer.page(reply, <MfaPage ctx={page(request, reply)} form={form} />, status);
  // The token in these pages' address must not leak to other sites through Referer; `same-origin`
  // rather than `no-referrer`, which makes browsers send `Origin: null` with the form's own POST
  // (refused by the CSRF check).
  const resetPage = (request: FastifyRequest, reply: FastifyReply, form: ResetPasswordForm, status = 200) =>
    renderer.page(
      reply.header('referrer-policy', 'same-origin'),
      <ResetPasswordPage ctx={page(request, reply)} form={form} />,
      status,
    );
  const verifyPage = (request: FastifyRequest, reply: FastifyReply, token: string, message?: string, status = 200) =>
    renderer.page(
      reply.header('referrer-policy', 'same-origin'),
      <VerifyEmailPage ctx={page(request, reply)} token={token} message={message} />,
      status,
    );
  const signedIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: Parameters<typeof sessionCookies.set>[1],
    returnTo?: string,
  ) => {
    // Signing in again in a browser that had a session replaces it: the old one ends, not idles on.
    const previous = request.user;
    if (previous) await useCases.logOut({ userId: previous.id, sessionId: previous.sessionId, ...input(request) });
    sessionCookies.set(reply, session);
    return reply.redirect(returnPath(returnTo), 303);
  };

  app.get('/register', async (request, reply) => {
    if (request.user) return reply.redirect('/profile', 303);
    return registerPage(request, reply, { values: {}, errors: {} });
  });

  app.post(
    '/register',
    { schema: { body: formSchema('email', 'displayName', 'password'), hide: true } },
    async (request, reply) => {
      const { t } = request;
      const { password } = body(request);
      const values = { email: body(request).email?.trim(), displayName: body(request).displayName?.trim() };
      const invalid = fieldErrors({
        email: emailError(t, values.email),
        displayName: !values.displayName
          ? t('auth.error.displayNameRequired')
          : values.displayName.length > DISPLAY_NAME_MAX
            ? t('auth.error.displayNameTooLong', { max: DISPLAY_NAME_MAX })
            : undefined,
        password: password ? undefined : t('auth.error.passwordRequired'),
      });
      if (invalid)
        return registerPage(request, reply, { values, errors: invalid, message: t('auth.error.fixFields') }, 422);
      try {
        await useCases.registerUser({
          email: values.email!,
          displayName: values.displayName!,
          password: password!,
          locale: request.locale,
          ...input(request),
        });
      } catch (error) {
        const failure = formFailure(error, request, reply);
        const errors = PASSWORD_RULES.has(failure.code) ? { password: failure.message } : {};
        return registerPage(request, reply, { values, errors, message: failure.message }, failure.status);
      }
      return reply.redirect('/check-email?sent=registered', 303);
    },
  );

  app.get('/check-email', { schema: { querystring: formSchema('sent'), hide: true } }, async (request, reply) => {
    const sent = query(request).sent;
    const kind: CheckEmailKind = CHECK_EMAIL_KINDS.find((candidate) => candidate === sent) ?? 'registered';
    return renderer.page(reply, <CheckEmailPage ctx={page(request, reply)} kind={kind} devMailbox={deps.devMailbox} />);
  });

  // GET only shows the button: mail scanners prefetch links, and must not spend the token.
  app.get('/verify-email', { schema: { querystring: formSchema('token'), hide: true } }, async (request, reply) => {
    const token = query(request).token;
    if (!token) return verifyPage(request, reply, '', request.t('errors.identity.invalid_token'), 400);
    return verifyPage(request, reply, token);
  });

  app.post('/verify-email', { schema: { body: formSchema('token'), hide: true } }, async (request, reply) => {
    const token = body(request).token ?? '';
    try {
      await useCases.verifyEmail({ token, origin: originOf(request), now: clock.now() });
    } catch (error) {
      const failure = formFailure(error, request, reply);
      return verifyPage(request, reply, token, failure.message, failure.status);
    }
    flash.set(reply, { kind: 'success', message: 'auth.verify.done' });
    return reply.redirect('/login', 303);
  });

  for (const [path, kind, View, action] of [
    ['/resend-verification', 'verification', ResendVerificationPage, useCases.resendVerification],
    ['/forgot-password', 'reset', ForgotPasswordPage, useCases.requestPasswordReset],
  ] as const) {
    const render = (request: FastifyRequest, reply: FastifyReply, form: EmailRequestForm, status = 200) =>
      renderer.page(reply, <View ctx={page(request, reply)} form={form} />, status);

    app.get(path, async (request, reply) => render(request, reply, {}));

    // The same answer whether or not the address has an account (or needs the mail).
    app.post(path, { schema: { body: formSchema('email'), hide: true } }, async (request, reply) => {
      const email = body(request).email?.trim();
      const error = emailError(request.t, email);
      if (error) return render(request, reply, { email, error, message: request.t('auth.error.fixFields') }, 422);
      try {
        await action({ email: email!, ...input(request) });
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        return render(request, reply, { email, message: failure.message }, failure.status);
      }
      return reply.redirect(`/check-email?sent=${kind}`, 303);
    });
  }

  app.get('/login', { schema: { querystring: formSchema('returnTo'), hide: true } }, async (request, reply) => {
    const requested = query(request).returnTo;
    if (request.user) return reply.redirect(returnPath(requested), 303);
    return loginPage(request, reply, { returnTo: requested && safeReturnPath(requested), errors: {} });
  });

  app.post(
    '/login',
    { schema: { body: formSchema('email', 'password', 'returnTo'), hide: true } },
    async (request, reply) => {
      const { t } = request;
      const { password, returnTo } = body(request);
      const email = body(request).email?.trim();
      const invalid = fieldErrors({
        email: email ? undefined : t('auth.error.emailRequired'),
        password: password ? undefined : t('auth.error.passwordRequired'),
      });
      if (invalid)
        return loginPage(request, reply, { email, returnTo, errors: invalid, message: t('auth.error.fixFields') }, 422);
      let result;
      try {
        result = await useCases.logIn({ email: email!, password: password!, ...input(request) });
      } catch (error) {
        const failure = formFailure(error, request, reply);
        return loginPage(
          request,
          reply,
          { email, returnTo, errors: {}, message: failure.message, code: failure.code },
          failure.status,
        );
      }
      if (result.kind === 'mfa_required') return mfaPage(request, reply, { mfaToken: result.mfaToken, returnTo });
      return signedIn(request, reply, result, returnTo);
    },
  );

  app.post(
    '/login/mfa',
    { schema: { body: formSchema('mfaToken', 'code', 'recoveryCode', 'returnTo'), hide: true } },
    async (request, reply) => {
      const { mfaToken = '', returnTo } = body(request);
      const code = body(request).recoveryCode?.trim() || body(request).code?.trim();
      const restart = () => {
        flash.set(reply, { kind: 'warning', message: 'errors.identity.invalid_mfa_token' });
        return reply.redirect(
          returnTo ? `/login?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}` : '/login',
          303,
        );
      };
      if (!mfaToken) return restart();
      if (!code)
        return mfaPage(request, reply, { mfaToken, returnTo, error: request.t('auth.error.codeRequired') }, 422);
      let session;
      try {
        session = await useCases.completeMfaLogin({ mfaToken, code, ...input(request) });
      } catch (error) {
        const failure = formFailure(error, request, reply);
        if (failure.code === 'identity.invalid_mfa_token') return restart();
        return mfaPage(request, reply, { mfaToken, returnTo, error: failure.message }, failure.status);
      }
      return signedIn(request, reply, session, returnTo);
    },
  );

  app.post('/logout', { schema: { body: formSchema(), hide: true } }, async (request, reply) => {
    const user = request.user;
    if (user) await useCases.logOut({ userId: user.id, sessionId: user.sessionId, ...input(request) });
    sessionCookies.clear(reply);
    flash.set(reply, { kind: 'info', message: 'auth.loggedOut' });
    return reply.redirect('/', 303);
  });

  app.get('/reset-password', { schema: { querystring: formSchema('token'), hide: true } }, async (request, reply) => {
    const token = query(request).token;
    if (!token)
      return resetPage(request, reply, { token: '', tokenError: request.t('errors.identity.invalid_token') }, 400);
    return resetPage(request, reply, { token });
  });

  app.post(
    '/reset-password',
    { schema: { body: formSchema('token', 'newPassword'), hide: true } },
    async (request, reply) => {
      const { token = '', newPassword } = body(request);
      if (!newPassword) {
        const passwordError = request.t('auth.error.passwordRequired');
        return resetPage(request, reply, { token, passwordError, message: request.t('auth.error.fixFields') }, 422);
      }
      try {
        await useCases.resetPassword({ token, newPassword, ...input(request) });
      } catch (error) {
        const failure = formFailure(error, request, reply);
        if (failure.code === 'identity.invalid_token')
          return resetPage(request, reply, { token, tokenError: failure.message }, failure.status);
        const passwordError = PASSWORD_RULES.has(failure.code) ? failure.message : undefined;
        return resetPage(request, reply, { token, passwordError, message: failure.message }, failure.status);
      }
      sessionCookies.clear(reply); // every session ended, this browser's too
      flash.set(reply, { kind: 'success', message: 'auth.reset.done' });
      return reply.redirect('/login', 303);
    },
  );
}
