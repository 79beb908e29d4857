import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AuthCard, AuthLinks } from './auth-card.tsx';

export type LoginForm = {
  email?: string | undefined;
  returnTo?: string | undefined;
  errors: { email?: string; password?: string };
  message?: string | undefined;
  /** The domain error's code, for the hint that goes with it (e.g. resend the verification link). */
  code?: string | undefined;
};

export function LoginPage({ ctx, form }: { ctx: PageContext; form: LoginForm }) {
  const { t } = ctx;
  return (
    <AuthCard ctx={ctx} title={t('auth.login.title')}>
      <ErrorSummary ctx={ctx} message={form.message}>
        {form.code === 'identity.email_not_verified' ? (
          <a href="/resend-verification">{t('auth.link.resendVerification')}</a>
        ) : null}
      </ErrorSummary>
      <form method="post" action="/login">
        <CsrfInput ctx={ctx} />
        {form.returnTo ? <input type="hidden" name="returnTo" value={form.returnTo} /> : null}
        <TextField
          name="email"
          type="email"
          label={t('auth.field.email')}
          value={form.email}
          error={form.errors.email}
          autocomplete="email"
          required
          autofocus={!form.email || Boolean(form.errors.email)}
        />
        <TextField
          name="password"
          type="password"
          label={t('auth.field.password')}
          error={form.errors.password}
          autocomplete="current-password"
          required
          autofocus={Boolean(form.email) && !form.errors.email}
        />
        <SubmitButton label={t('auth.login.submit')} />
      </form>
      <AuthLinks
        links={[
          { href: '/forgot-password', label: t('auth.link.forgotPassword') },
          { href: '/register', label: t('auth.link.register') },
          { href: '/resend-verification', label: t('auth.link.resendVerification') },
        ]}
      />
    </AuthCard>
  );
}
