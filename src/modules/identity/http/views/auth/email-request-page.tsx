import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AuthCard, AuthLinks } from './auth-card.tsx';

export type EmailRequestForm = { email?: string | undefined; error?: string | undefined; message?: string | undefined };

/** GET/POST /resend-verification: the verification link again. */
export function ResendVerificationPage({ ctx, form }: { ctx: PageContext; form: EmailRequestForm }) {
  const { t } = ctx;
  return (
    <AuthCard ctx={ctx} title={t('auth.resend.title')} lead={t('auth.resend.lead')}>
      <EmailForm ctx={ctx} form={form} action="/resend-verification" submit={t('auth.resend.submit')} />
      <AuthLinks links={[{ href: '/login', label: t('auth.link.signIn') }]} />
    </AuthCard>
  );
}

/** GET/POST /forgot-password: a password reset link. */
export function ForgotPasswordPage({ ctx, form }: { ctx: PageContext; form: EmailRequestForm }) {
  const { t } = ctx;
  return (
    <AuthCard ctx={ctx} title={t('auth.forgot.title')} lead={t('auth.forgot.lead')}>
      <EmailForm ctx={ctx} form={form} action="/forgot-password" submit={t('auth.forgot.submit')} />
      <AuthLinks links={[{ href: '/login', label: t('auth.link.signIn') }]} />
    </AuthCard>
  );
}

function EmailForm(props: { ctx: PageContext; form: EmailRequestForm; action: string; submit: string }) {
  const { ctx, form } = props;
  return (
    <>
      <ErrorSummary ctx={ctx} message={form.message} />
      <form method="post" action={props.action}>
        <CsrfInput ctx={ctx} />
        <TextField
          name="email"
          type="email"
          label={ctx.t('auth.field.email')}
          value={form.email}
          error={form.error}
          autocomplete="email"
          required
          autofocus
        />
        <SubmitButton label={props.submit} />
      </form>
    </>
  );
}
