import { renderToStaticMarkup } from 'preact-render-to-string';
import { translator } from '../../../shared/http/i18n/index.ts';
import type { ContactMailRenderer } from '../application/ports.ts';

/** The message's lines with `<br>` between them; preact escapes every line. */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

/**
 * The staff notification, in the recipient's language: the sender's name, address and message
 * as plain text and as HTML in which everything the sender typed is escaped.
 */
export function createContactMailRenderer(baseUrl: string): ContactMailRenderer {
  return (recipient, request) => {
    const t = translator(recipient.locale);
    const link = `${baseUrl}/admin/contacts?q=${encodeURIComponent(request.email)}`;
    const language = t(`locale.${request.locale}`);
    const subject = t('contacts.mail.subject', { name: request.name });
    const text = [
      t('contacts.mail.greeting', { name: recipient.displayName }),
      '',
      t('contacts.mail.intro'),
      '',
      `${t('contacts.mail.name')}: ${request.name}`,
      `${t('contacts.mail.email')}: ${request.email}`,
      `${t('contacts.mail.language')}: ${language}`,
      '',
      `${t('contacts.mail.message')}:`,
      request.message,
      '',
      `${t('contacts.mail.action')}: ${link}`,
      '',
      t('contacts.mail.footer'),
      '',
      t('contacts.mail.signature'),
    ].join('\n');
    const html = `<!doctype html>${renderToStaticMarkup(
      <html lang={recipient.locale}>
        <body style="font-family: sans-serif; line-height: 1.5">
          <p>{t('contacts.mail.greeting', { name: recipient.displayName })}</p>
          <p>{t('contacts.mail.intro')}</p>
          <table role="presentation" style="border-collapse: collapse">
            <tr>
              <th style="text-align: left; padding-right: 1em">{t('contacts.mail.name')}</th>
              <td>{request.name}</td>
            </tr>
            <tr>
              <th style="text-align: left; padding-right: 1em">{t('contacts.mail.email')}</th>
              <td>
                <a href={`mailto:${request.email}`}>{request.email}</a>
              </td>
            </tr>
            <tr>
              <th style="text-align: left; padding-right: 1em">{t('contacts.mail.language')}</th>
              <td>{language}</td>
            </tr>
          </table>
          <h2 style="font-size: 1em">{t('contacts.mail.message')}</h2>
          <blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc">
            <Lines text={request.message} />
          </blockquote>
          <p>
            <a href={link}>{t('contacts.mail.action')}</a>
          </p>
          <p style="color: #666">{t('contacts.mail.footer')}</p>
          <p>{t('contacts.mail.signature')}</p>
        </body>
      </html>,
    )}`;
    return { subject, text, html };
  };
}
