import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { UserListItem } from '../../../application/reads.ts';
import { ROLES, type Role, USER_STATUSES, type UserStatus } from '../../../domain/user.ts';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';
import { CsrfInput, TextField } from '../form-fields.tsx';
import { AdminLayout } from './admin-layout.tsx';
import { Pagination, type Paging } from '../../../../../shared/http/views/pagination.tsx';

/** Roles an admin page offers; the use case decides who may grant which (never `owner`). */
const ASSIGNABLE_ROLES: readonly Role[] = ['student', 'moderator', 'admin'];

export type UserListFilter = { q?: string | undefined; role?: Role | undefined; status?: UserStatus | undefined };

export function UsersPage(props: {
  ctx: PageContext;
  actorId: string;
  filter: UserListFilter;
  users: readonly UserListItem[];
  paging: Paging;
  /** This list's URL, for the forms to come back to. */
  returnTo: string;
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.title')}>
      <form method="get" action="/admin/users" role="search" class="row g-2 align-items-end mb-4">
        <div class="col-md-5">
          <TextField name="q" type="search" label={t('admin.users.search')} value={filter.q} />
        </div>
        <div class="col-md-2 mb-3">
          <FilterSelect
            ctx={ctx}
            name="role"
            label={t('admin.users.role')}
            value={filter.role}
            options={ROLES.map((role) => ({ value: role, label: t(`account.role.${role}`) }))}
          />
        </div>
        <div class="col-md-3 mb-3">
          <FilterSelect
            ctx={ctx}
            name="status"
            label={t('admin.users.status')}
            value={filter.status}
            options={USER_STATUSES.map((status) => ({ value: status, label: t(`account.status.${status}`) }))}
          />
        </div>
        <div class="col-md-2 mb-3 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            {t('admin.filter.apply')}
          </button>
          <a class="btn btn-outline-secondary" href="/admin/users">
            {t('admin.filter.reset')}
          </a>
        </div>
      </form>

      <div class="table-responsive">
        <table class="table align-middle">
          <caption>{t('admin.users.caption', { total: props.paging.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.field.email')}</th>
              <th scope="col">{t('account.field.displayName')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.mfa')}</th>
              <th scope="col">{t('admin.users.createdAt')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <UserRow ctx={ctx} user={user} actorId={props.actorId} returnTo={props.returnTo} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination ctx={ctx} path="/admin/users" filters={filter} paging={props.paging} />
    </AdminLayout>
  );
}

function UserRow(props: { ctx: PageContext; user: UserListItem; actorId: string; returnTo: string }) {
  const { ctx, user } = props;
  const { t } = ctx;
  const manageable = user.id !== props.actorId && user.role !== 'owner';
  const formProps = { method: 'post', action: `/admin/users/${user.id}/access`, class: 'd-flex gap-1' };
  return (
    <tr>
      <th scope="row" class="fw-normal text-break">
        {user.email}
      </th>
      <td>{user.displayName}</td>
      <td>{t(`account.role.${user.role}`)}</td>
      <td>{t(`account.status.${user.status}`)}</td>
      <td>{t(user.mfaEnabled ? 'account.mfa.on' : 'account.mfa.off')}</td>
      <td class="text-nowrap">
        <DateTime ctx={ctx} date={user.createdAt} />
      </td>
      <td>
        <div class="d-flex flex-wrap gap-2 align-items-center">
          {manageable ? (
            <>
              <form {...formProps}>
                <CsrfInput ctx={ctx} />
                <input type="hidden" name="returnTo" value={props.returnTo} />
                <label class="visually-hidden" for={`role-${user.id}`}>
                  {t('admin.users.roleOf', { email: user.email })}
                </label>
                <select id={`role-${user.id}`} name="role" class="form-select form-select-sm w-auto">
                  {ASSIGNABLE_ROLES.map((role) => (
                    <option value={role} selected={role === user.role}>
                      {t(`account.role.${role}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" class="btn btn-sm btn-outline-primary">
                  {t('admin.users.changeRole')}
                  <span class="visually-hidden"> ({user.email})</span>
                </button>
              </form>
              <form {...formProps}>
                <CsrfInput ctx={ctx} />
                <input type="hidden" name="returnTo" value={props.returnTo} />
                <input type="hidden" name="status" value={user.status === 'blocked' ? 'active' : 'blocked'} />
                <button
                  type="submit"
                  class={`btn btn-sm ${user.status === 'blocked' ? 'btn-outline-success' : 'btn-outline-danger'}`}
                >
                  {t(user.status === 'blocked' ? 'admin.users.unblock' : 'admin.users.block')}
                  <span class="visually-hidden"> ({user.email})</span>
                </button>
              </form>
            </>
          ) : null}
          <a class="small" href={`/admin/audit?subjectId=${user.id}`}>
            {t('admin.users.auditLink')}
            <span class="visually-hidden"> ({user.email})</span>
          </a>
        </div>
      </td>
    </tr>
  );
}

/** A labelled select for a list filter; the first option means "any". */
export function FilterSelect(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  const id = `filter-${props.name}`;
  return (
    <>
      <label class="form-label" for={id}>
        {props.label}
      </label>
      <select id={id} name={props.name} class="form-select">
        <option value="">{props.ctx.t('admin.filter.any')}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
