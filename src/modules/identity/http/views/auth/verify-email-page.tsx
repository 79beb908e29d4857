import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton } from '../form-fields.tsx';
import { AuthCard, AuthLinks } from './auth-card.tsx';

/**
 * Opening the mailed link only shows this button: mail scanners prefetch links, so the token
 * is spent by the POST, never by the GET.
 */
export function VerifyEmailPage(props: { ctx: PageContext; token: string; message?: string | undefined }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AuthCard ctx={ctx} title={t('auth.verify.title')}>
      <ErrorSummary ctx={ctx} message={props.message}>
        <a href="/resend-verification">{t('auth.link.resendVerification')}</a>
      </ErrorSummary>
      {props.message ? null : (
        <>
          <p>{t('auth.verify.lead')}</p>
          <form method="post" action="/verify-email">
            <CsrfInput ctx={ctx} />
            <input type="hidden" name="token" value={props.token} />
            <SubmitButton label={t('auth.verify.submit')} />
          </form>
        </>
      )}
      <AuthLinks links={[{ href: '/login', label: t('auth.link.signIn') }]} />
    </AuthCard>
  );
}
