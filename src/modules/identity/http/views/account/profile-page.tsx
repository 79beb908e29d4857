import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { Profile } from '../../../application/reads.ts';
import { USER_LOCALES } from '../../../domain/user.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AccountLayout } from './account-layout.tsx';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';

export type ProfileForm = { displayName: string; locale: string };
export type ProfileErrors = {
  displayName?: string | undefined;
  locale?: string | undefined;
  form?: string | undefined;
};

export function ProfilePage(props: { ctx: PageContext; profile: Profile; form: ProfileForm; errors?: ProfileErrors }) {
  const { ctx, profile, form } = props;
  const errors = props.errors ?? {};
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('account.profile.title')}>
      <div class="row g-4">
        <section class="col-lg-6" aria-labelledby="profile-summary-title">
          <h2 id="profile-summary-title" class="h4">
            {t('account.profile.summaryTitle')}
          </h2>
          <dl class="row mb-0">
            <dt class="col-sm-5">{t('account.field.email')}</dt>
            <dd class="col-sm-7 text-break">{profile.email}</dd>
            <dt class="col-sm-5">{t('account.field.role')}</dt>
            <dd class="col-sm-7">{t(`account.role.${profile.role}`)}</dd>
            <dt class="col-sm-5">{t('account.field.status')}</dt>
            <dd class="col-sm-7">{t(`account.status.${profile.status}`)}</dd>
            <dt class="col-sm-5">{t('account.field.mfa')}</dt>
            <dd class="col-sm-7">{t(profile.mfaEnabled ? 'account.mfa.on' : 'account.mfa.off')}</dd>
            <dt class="col-sm-5">{t('account.field.createdAt')}</dt>
            <dd class="col-sm-7">
              <DateTime ctx={ctx} date={profile.createdAt} />
            </dd>
          </dl>
        </section>

        <section class="col-lg-6" aria-labelledby="profile-form-title">
          <h2 id="profile-form-title" class="h4">
            {t('account.profile.formTitle')}
          </h2>
          <ErrorSummary ctx={ctx} message={errors.form} />
          <form method="post" action="/profile" novalidate>
            <CsrfInput ctx={ctx} />
            <TextField
              name="displayName"
              label={t('account.field.displayName')}
              value={form.displayName}
              error={errors.displayName}
              autocomplete="name"
              required
              hint={t('account.profile.displayNameHint')}
            />
            <div class="mb-3">
              <label class="form-label" for="field-locale">
                {t('account.field.locale')}
              </label>
              <select
                id="field-locale"
                name="locale"
                class={`form-select${errors.locale ? ' is-invalid' : ''}`}
                aria-invalid={errors.locale ? 'true' : undefined}
                aria-describedby={errors.locale ? 'field-locale-hint field-locale-error' : 'field-locale-hint'}
              >
                {USER_LOCALES.map((locale) => (
                  <option value={locale} lang={locale} selected={form.locale === locale}>
                    {t(`locale.${locale}`)}
                  </option>
                ))}
              </select>
              <div id="field-locale-hint" class="form-text">
                {t('account.profile.localeHint')}
              </div>
              {errors.locale ? (
                <div id="field-locale-error" class="invalid-feedback d-block">
                  {errors.locale}
                </div>
              ) : null}
            </div>
            <SubmitButton label={t('account.profile.save')} />
          </form>
        </section>
      </div>

      <AvatarSection ctx={ctx} avatarUrl={profile.avatarUrl ?? null} />

      <section class="mt-5" aria-labelledby="profile-security-title">
        <h2 id="profile-security-title" class="h4">
          {t('account.profile.securityTitle')}
        </h2>
        <ul class="list-unstyled">
          <li class="mb-2">
            <a href="/profile/password">{t('account.password.title')}</a>
            <span class="text-body-secondary"> — {t('account.profile.passwordText')}</span>
          </li>
          <li class="mb-2">
            <a href="/profile/sessions">{t('account.sessions.title')}</a>
            <span class="text-body-secondary"> — {t('account.profile.sessionsText')}</span>
          </li>
          <li class="mb-2">
            <a href="/profile/mfa">{t('account.mfa.title')}</a>
            <span class="text-body-secondary">
              {' '}
              — {t(profile.mfaEnabled ? 'account.profile.mfaOnText' : 'account.profile.mfaOffText')}
            </span>
          </li>
        </ul>
      </section>
    </AccountLayout>
  );
}

/** The avatar: the current one (or a note) and the forms to upload another and to remove it (the files module's routes). */
function AvatarSection(props: { ctx: PageContext; avatarUrl: string | null }) {
  const { ctx, avatarUrl } = props;
  const { t } = ctx;
  return (
    <section id="avatar" class="mt-5" aria-labelledby="profile-avatar-title">
      <h2 id="profile-avatar-title" class="h4">
        {t('files.avatar.title')}
      </h2>
      <div class="d-flex flex-wrap align-items-start gap-4">
        {avatarUrl ? (
          <img
            src={avatarUrl}
            alt={t('files.avatar.current')}
            width={96}
            height={96}
            class="rounded-circle object-fit-cover"
          />
        ) : (
          <p class="text-body-secondary mb-0">{t('files.avatar.none')}</p>
        )}
        <form method="post" action="/profile/avatar" enctype="multipart/form-data">
          <CsrfInput ctx={ctx} />
          <div class="mb-2">
            <label class="form-label" for="field-avatar">
              {t('files.avatar.fileLabel')}
            </label>
            <input
              id="field-avatar"
              name="avatar"
              type="file"
              class="form-control"
              accept="image/png,image/jpeg,image/webp"
              required
              aria-describedby="field-avatar-hint"
            />
            <div id="field-avatar-hint" class="form-text">
              {t('files.avatar.hint')}
            </div>
          </div>
          <SubmitButton label={t('files.avatar.upload')} />
        </form>
        {avatarUrl ? (
          <form method="post" action="/profile/avatar/delete" class="align-self-end">
            <CsrfInput ctx={ctx} />
            <button type="submit" class="btn btn-outline-danger">
              {t('files.avatar.remove')}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
