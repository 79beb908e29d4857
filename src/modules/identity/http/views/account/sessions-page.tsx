import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { SessionView } from '../../../application/reads.ts';
import { CsrfInput } from '../form-fields.tsx';
import { AccountLayout } from './account-layout.tsx';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';
import { deviceOf } from './device-name.ts';

export function SessionsPage(props: { ctx: PageContext; sessions: readonly SessionView[]; currentSessionId: string }) {
  const { ctx, sessions, currentSessionId } = props;
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('account.sessions.title')}>
      <p>{t('account.sessions.lead')}</p>
      <div class="table-responsive">
        <table class="table align-middle">
          <caption>{t('account.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.sessions.device')}</th>
              <th scope="col">{t('account.sessions.ip')}</th>
              <th scope="col">{t('account.sessions.createdAt')}</th>
              <th scope="col">{t('account.sessions.lastUsedAt')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('account.sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = deviceName(ctx, session.userAgent);
              const current = session.id === currentSessionId;
              return (
                <tr>
                  <th scope="row" class="fw-normal">
                    <span title={session.userAgent ?? undefined}>{device}</span>
                    {current ? (
                      <span class="badge text-bg-success ms-2">{t('account.sessions.thisDevice')}</span>
                    ) : null}
                  </th>
                  <td>{session.ip ?? '—'}</td>
                  <td class="text-nowrap">
                    <DateTime ctx={ctx} date={session.createdAt} />
                  </td>
                  <td class="text-nowrap">
                    <DateTime ctx={ctx} date={session.lastUsedAt} />
                  </td>
                  <td class="text-end">
                    {current ? null : (
                      <form method="post" action={`/profile/sessions/${session.id}/revoke`} class="d-inline">
                        <CsrfInput ctx={ctx} />
                        <button type="submit" class="btn btn-sm btn-outline-danger">
                          {t('account.sessions.revoke')}
                          <span class="visually-hidden"> ({device})</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AccountLayout>
  );
}

function deviceName(ctx: PageContext, userAgent: string | null): string {
  const { browser, os } = deviceOf(userAgent);
  if (browser && os) return ctx.t('account.sessions.browserOnOs', { browser, os });
  return browser ?? os ?? ctx.t('account.sessions.unknownDevice');
}
