import type { VNode } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import { type Translate, translator } from '../../../shared/http/i18n/index.ts';
import type { ApprovalView } from '../application/contract.ts';
import type { ApprovalMailRenderer, MailRecipient, RenderedMail } from '../application/ports.ts';

/** The lines of a comment with `<br>` between them; preact escapes every line. */
function Lines(props: { text: string }) {
  return (
    <>
      {props.text.split('\n').map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

type Row = readonly [label: string, value: string];

/** One email: plain text and its HTML twin, everything a person typed escaped in the HTML. */
function compose(
  recipient: MailRecipient,
  t: Translate,
  parts: Readonly<{
    subject: string;
    intro: string;
    rows: readonly Row[];
    comment?: string | null;
    action: string;
    link: string;
    footer: string;
  }>,
): RenderedMail {
  const text = [
    t('approvals.mail.greeting', { name: recipient.displayName }),
    '',
    parts.intro,
    '',
    ...parts.rows.map(([label, value]) => `${label}: ${value}`),
    ...(parts.comment ? ['', `${t('approvals.mail.comment')}:`, parts.comment] : []),
    '',
    `${parts.action}: ${parts.link}`,
    '',
    parts.footer,
    '',
    t('approvals.mail.signature'),
  ].join('\n');
  const body: VNode = (
    <html lang={recipient.locale}>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>{t('approvals.mail.greeting', { name: recipient.displayName })}</p>
        <p>{parts.intro}</p>
        <table role="presentation" style="border-collapse: collapse">
          {parts.rows.map(([label, value]) => (
            <tr>
              <th style="text-align: left; padding-right: 1em">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </table>
        {parts.comment ? (
          <>
            <h2 style="font-size: 1em">{t('approvals.mail.comment')}</h2>
            <blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc">
              <Lines text={parts.comment} />
            </blockquote>
          </>
        ) : null}
        <p>
          <a href={parts.link}>{parts.action}</a>
        </p>
        <p style="color: #666">{parts.footer}</p>
        <p>{t('approvals.mail.signature')}</p>
      </body>
    </html>
  );
  return { subject: parts.subject, text, html: `<!doctype html>${renderToStaticMarkup(body)}` };
}

function stepOf(t: Translate, request: ApprovalView): string {
  return request.stage
    ? t('approvals.mail.stage', { position: request.stage.position, title: request.stage.title })
    : t('approvals.mail.final');
}

const percent = (score: number) => `${Math.round(score * 100) / 100}%`;

/** The journey's emails in the recipient's language, with links under BASE_URL. */
export function createApprovalMailRenderer(baseUrl: string): ApprovalMailRenderer {
  return {
    requested(recipient, request) {
      const t = translator(recipient.locale);
      return compose(recipient, t, {
        subject: t('approvals.mail.requested.subject', {
          name: request.student.displayName,
          track: request.track.title,
        }),
        intro: t('approvals.mail.requested.intro'),
        rows: [
          [t('approvals.mail.student'), `${request.student.displayName} <${request.student.email}>`],
          [t('approvals.mail.track'), request.track.title],
          [t('approvals.mail.step'), stepOf(t, request)],
          [t('approvals.mail.score'), percent(request.score)],
        ],
        action: t('approvals.mail.requested.action'),
        link: `${baseUrl}/admin/approvals/${request.id}`,
        footer: t('approvals.mail.staffFooter'),
      });
    },
    decided(recipient, request) {
      const t = translator(recipient.locale);
      const approved = request.status === 'approved';
      return compose(recipient, t, {
        subject: t(approved ? 'approvals.mail.approved.subject' : 'approvals.mail.rejected.subject', {
          track: request.track.title,
        }),
        intro: t(approved ? 'approvals.mail.approved.intro' : 'approvals.mail.rejected.intro'),
        rows: [
          [t('approvals.mail.track'), request.track.title],
          [t('approvals.mail.step'), stepOf(t, request)],
          [t('approvals.mail.score'), percent(request.score)],
        ],
        comment: request.comment,
        action: t('approvals.mail.decided.action'),
        link: `${baseUrl}/learn/${encodeURIComponent(request.track.slug)}`,
        footer: t('approvals.mail.studentFooter'),
      });
    },
    graduated(recipient, graduation) {
      const t = translator(recipient.locale);
      return compose(recipient, t, {
        subject: t('approvals.mail.graduated.subject', { track: graduation.trackTitle }),
        intro: t('approvals.mail.graduated.intro', { track: graduation.trackTitle }),
        rows: [
          [t('approvals.mail.track'), graduation.trackTitle],
          [t('approvals.mail.certificate'), graduation.certificateCode],
        ],
        action: t('approvals.mail.graduated.action'),
        link: `${baseUrl}/certificates/${encodeURIComponent(graduation.certificateCode)}`,
        footer: t('approvals.mail.studentFooter'),
      });
    },
  };
}
