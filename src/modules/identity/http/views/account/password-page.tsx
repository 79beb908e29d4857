import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/password-policy.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AccountLayout } from './account-layout.tsx';

export type PasswordErrors = {
  currentPassword?: string | undefined;
  newPassword?: string | undefined;
  form?: string | undefined;
};

/** Passwords are never sent back: after an error both fields are empty again. */
export function PasswordPage(props: { ctx: PageContext; errors?: PasswordErrors }) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('account.password.title')}>
      <div class="col-lg-6">
        <p>{t('account.password.lead')}</p>
        <ErrorSummary ctx={ctx} message={errors.form} />
        <form method="post" action="/profile/password" novalidate>
          <CsrfInput ctx={ctx} />
          <TextField
            name="currentPassword"
            type="password"
            label={t('account.field.currentPassword')}
            error={errors.currentPassword}
            autocomplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('account.field.newPassword')}
            error={errors.newPassword}
            autocomplete="new-password"
            required
            hint={t('account.password.hint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
          />
          <SubmitButton label={t('account.password.submit')} />
        </form>
      </div>
    </AccountLayout>
  );
}
