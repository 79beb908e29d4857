import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AuthCard } from './auth-card.tsx';

export type ResetPasswordForm = {
  token: string;
  /** The link itself is unusable: no form, a way to ask for a new one instead. */
  tokenError?: string | undefined;
  passwordError?: string | undefined;
  message?: string | undefined;
};

export function ResetPasswordPage({ ctx, form }: { ctx: PageContext; form: ResetPasswordForm }) {
  const { t } = ctx;
  if (form.tokenError) {
    return (
      <AuthCard ctx={ctx} title={t('auth.reset.title')}>
        <ErrorSummary ctx={ctx} message={form.tokenError}>
          <a href="/forgot-password">{t('auth.link.newResetLink')}</a>
        </ErrorSummary>
      </AuthCard>
    );
  }
  return (
    <AuthCard ctx={ctx} title={t('auth.reset.title')} lead={t('auth.reset.lead')}>
      <ErrorSummary ctx={ctx} message={form.message} />
      <form method="post" action="/reset-password">
        <CsrfInput ctx={ctx} />
        <input type="hidden" name="token" value={form.token} />
        <TextField
          name="newPassword"
          type="password"
          label={t('auth.field.newPassword')}
          error={form.passwordError}
          hint={t('auth.field.newPasswordHint')}
          autocomplete="new-password"
          required
          autofocus
        />
        <SubmitButton label={t('auth.reset.submit')} />
      </form>
    </AuthCard>
  );
}
