import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { AuthCard, AuthLinks } from './auth-card.tsx';

const TEXTS = {
  registered: { title: 'auth.checkEmail.title', text: 'auth.checkEmail.registered' },
  verification: { title: 'auth.checkEmail.title', text: 'auth.checkEmail.verification' },
  reset: { title: 'auth.checkEmail.title', text: 'auth.checkEmail.reset' },
} as const;

/**
 * The same answer whether or not the address has an account. In development without SMTP the
 * mail lands in the development mailbox, so the page points there.
 */
export function CheckEmailPage(props: { ctx: PageContext; kind: keyof typeof TEXTS; devMailbox: boolean }) {
  const { ctx } = props;
  const texts = TEXTS[props.kind];
  return (
    <AuthCard ctx={ctx} title={ctx.t(texts.title)}>
      <div class="alert alert-info" role="status">
        {ctx.t(texts.text)}
      </div>
      <p class="text-body-secondary">{ctx.t('auth.checkEmail.spam')}</p>
      {props.devMailbox ? (
        <p class="small">
          {ctx.t('auth.checkEmail.devMailbox')} <a href="/dev/mail">/dev/mail</a>
        </p>
      ) : null}
      <AuthLinks
        links={[
          props.kind === 'reset'
            ? { href: '/forgot-password', label: ctx.t('auth.link.sendAgain') }
            : { href: '/resend-verification', label: ctx.t('auth.link.sendAgain') },
          { href: '/login', label: ctx.t('auth.link.signIn') },
        ]}
      />
    </AuthCard>
  );
}
