import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AuthCard, AuthLinks } from './auth-card.tsx';

export type RegisterForm = {
  values: { email?: string | undefined; displayName?: string | undefined };
  errors: { email?: string; displayName?: string; password?: string };
  message?: string | undefined;
};

export function RegisterPage({ ctx, form }: { ctx: PageContext; form: RegisterForm }) {
  const { t } = ctx;
  const { values, errors } = form;
  // The first field to fix, or the first field of the form.
  const focus = (['email', 'displayName', 'password'] as const).find((field) => errors[field]) ?? 'email';
  return (
    <AuthCard ctx={ctx} title={t('auth.register.title')} lead={t('auth.register.lead')}>
      <ErrorSummary ctx={ctx} message={form.message} />
      <form method="post" action="/register">
        <CsrfInput ctx={ctx} />
        <TextField
          name="email"
          type="email"
          label={t('auth.field.email')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          required
          autofocus={focus === 'email'}
        />
        <TextField
          name="displayName"
          label={t('auth.field.displayName')}
          value={values.displayName}
          error={errors.displayName}
          hint={t('auth.field.displayNameHint')}
          autocomplete="name"
          required
          autofocus={focus === 'displayName'}
        />
        <TextField
          name="password"
          type="password"
          label={t('auth.field.password')}
          error={errors.password}
          hint={t('auth.field.newPasswordHint')}
          autocomplete="new-password"
          required
          autofocus={focus === 'password'}
        />
        <SubmitButton label={t('auth.register.submit')} />
      </form>
      <AuthLinks links={[{ href: '/login', label: t('auth.link.haveAccount') }]} />
    </AuthCard>
  );
}
