import { renderToStaticMarkup } from 'preact-render-to-string';
import { translator } from '../../../shared/http/i18n/index.ts';
import type { AccountMailKind, AccountMailRenderer } from '../application/commands/send-account-mail.ts';

const LINK_PATH: Record<AccountMailKind, string> = {
  verify_email: '/verify-email',
  account_exists: '/login',
  password_reset: '/reset-password',
};

/** Localized text and HTML for identity's emails, in the recipient's language. */
export function createAccountMailRenderer(baseUrl: string): AccountMailRenderer {
  return (kind, user, token) => {
    const t = translator(user.locale);
    const link = `${baseUrl}${LINK_PATH[kind]}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
    const resetLink = `${baseUrl}/forgot-password`;
    const lines = {
      // Anyone can sign up with any address and name: mail to an unproven address does not
      // repeat the name, so it cannot carry someone's text to a stranger's inbox.
      greeting: kind === 'verify_email' ? t('mail.greetingAnonymous') : t('mail.greeting', { name: user.displayName }),
      body: t(`mail.${kind}.body`),
      action: t(`mail.${kind}.action`),
      footer: t(`mail.${kind}.footer`),
      extra: kind === 'account_exists' ? t('mail.account_exists.reset', { link: resetLink }) : undefined,
    };
    const subject = t(`mail.${kind}.subject`);
    const text = [
      lines.greeting,
      '',
      lines.body,
      '',
      `${lines.action}: ${link}`,
      ...(lines.extra ? ['', lines.extra] : []),
      '',
      lines.footer,
      '',
      t('mail.signature'),
    ].join('\n');
    const html = `<!doctype html>${renderToStaticMarkup(
      <html lang={user.locale}>
        <body style="font-family: sans-serif; line-height: 1.5">
          <p>{lines.greeting}</p>
          <p>{lines.body}</p>
          <p>
            <a href={link}>{lines.action}</a>
          </p>
          {lines.extra ? <p>{lines.extra}</p> : null}
          <p style="color: #666">{lines.footer}</p>
          <p>{t('mail.signature')}</p>
        </body>
      </html>,
    )}`;
    return { subject, text, html };
  };
}
