import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AuthCard, AuthLinks } from './auth-card.tsx';

export type MfaForm = { mfaToken: string; returnTo?: string | undefined; error?: string | undefined };

/**
 * The second sign-in step. The authenticator code gets a numeric keyboard; recovery codes
 * contain letters, so they have a field of their own behind a disclosure (no JavaScript needed).
 */
export function MfaPage({ ctx, form }: { ctx: PageContext; form: MfaForm }) {
  const { t } = ctx;
  return (
    <AuthCard ctx={ctx} title={t('auth.mfa.title')} lead={t('auth.mfa.lead')}>
      <ErrorSummary ctx={ctx} message={form.error} />
      <form method="post" action="/login/mfa">
        <CsrfInput ctx={ctx} />
        <input type="hidden" name="mfaToken" value={form.mfaToken} />
        {form.returnTo ? <input type="hidden" name="returnTo" value={form.returnTo} /> : null}
        <TextField
          name="code"
          label={t('auth.field.mfaCode')}
          error={form.error}
          hint={t('auth.field.mfaCodeHint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          autofocus
        />
        <details class="mb-3">
          <summary>{t('auth.mfa.useRecoveryCode')}</summary>
          <div class="mt-2">
            <TextField name="recoveryCode" label={t('auth.field.recoveryCode')} autocomplete="off" />
          </div>
        </details>
        <SubmitButton label={t('auth.mfa.submit')} />
      </form>
      <AuthLinks links={[{ href: '/login', label: t('auth.link.startOver') }]} />
    </AuthCard>
  );
}
