import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary, SubmitButton, TextField } from '../form-fields.tsx';
import { AccountLayout } from './account-layout.tsx';

/** Where the user is in turning two-factor authentication on or off. */
export type MfaState =
  | { kind: 'off' }
  | { kind: 'enrolling'; secret: string; qrCodeDataUri: string }
  /** A code was refused: the QR code is not shown again (the secret stays on the server). */
  | { kind: 'confirming' }
  /** Just turned on: the recovery codes, shown this once. */
  | { kind: 'recovery_codes'; codes: readonly string[] }
  | { kind: 'on' };

export type MfaErrors = { code?: string | undefined; password?: string | undefined; form?: string | undefined };

export function MfaPage(props: { ctx: PageContext; state: MfaState; enrollmentRequired: boolean; errors?: MfaErrors }) {
  const { ctx, state } = props;
  const errors = props.errors ?? {};
  const { t } = ctx;
  const stillRequired = props.enrollmentRequired && state.kind !== 'recovery_codes' && state.kind !== 'on';
  return (
    <AccountLayout ctx={ctx} title={t('account.mfa.title')}>
      {stillRequired ? (
        <div class="alert alert-warning" role="note">
          {t('account.mfa.requiredForStaff')}
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} message={errors.form} />
      <div class="col-lg-8">
        {state.kind === 'off' ? <MfaOff ctx={ctx} errors={errors} /> : null}
        {state.kind === 'enrolling' ? <Enrolling ctx={ctx} state={state} errors={errors} /> : null}
        {state.kind === 'confirming' ? <Confirming ctx={ctx} errors={errors} /> : null}
        {state.kind === 'recovery_codes' ? <RecoveryCodes ctx={ctx} codes={state.codes} /> : null}
        {state.kind === 'on' ? <MfaOn ctx={ctx} errors={errors} /> : null}
      </div>
    </AccountLayout>
  );
}

function MfaOff({ ctx, errors }: { ctx: PageContext; errors: MfaErrors }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <span class="badge text-bg-secondary">{t('account.mfa.off')}</span>
      </p>
      <p>{t('account.mfa.offLead')}</p>
      <SetUpForm ctx={ctx} label={t('account.mfa.setUp')} error={errors.password} />
    </>
  );
}

/** Setting up MFA asks for the password again: a stolen session must not enroll its own device. */
function SetUpForm({ ctx, label, error }: { ctx: PageContext; label: string; error: string | undefined }) {
  return (
    <form method="post" action="/profile/mfa/setup">
      <CsrfInput ctx={ctx} />
      <TextField
        name="password"
        type="password"
        label={ctx.t('account.field.password')}
        autocomplete="current-password"
        required
        hint={ctx.t('account.mfa.setUpPasswordHint')}
        error={error}
      />
      <SubmitButton label={label} />
    </form>
  );
}

function Enrolling(props: { ctx: PageContext; state: { secret: string; qrCodeDataUri: string }; errors: MfaErrors }) {
  const { ctx, state } = props;
  const { t } = ctx;
  return (
    <ol class="mfa-steps">
      <li class="mb-3">{t('account.mfa.stepInstall')}</li>
      <li class="mb-3">
        <p>{t('account.mfa.stepScan')}</p>
        <img
          src={state.qrCodeDataUri}
          alt={t('account.mfa.qrAlt')}
          width={220}
          height={220}
          class="bg-white rounded p-2"
        />
      </li>
      <li class="mb-3">
        <p class="mb-1">{t('account.mfa.stepManual')}</p>
        <p>
          <code class="fs-5 user-select-all" aria-label={t('account.mfa.secretLabel')}>
            {groupsOf4(state.secret)}
          </code>
        </p>
      </li>
      <li>
        <p>{t('account.mfa.stepCode')}</p>
        <CodeForm ctx={ctx} error={props.errors.code} />
      </li>
    </ol>
  );
}

function Confirming({ ctx, errors }: { ctx: PageContext; errors: MfaErrors }) {
  const { t } = ctx;
  return (
    <>
      <p>{t('account.mfa.confirmLead')}</p>
      <CodeForm ctx={ctx} error={errors.code} />
      <p class="mt-4 mb-2">{t('account.mfa.startOverLead')}</p>
      <SetUpForm ctx={ctx} label={t('account.mfa.startOver')} error={errors.password} />
    </>
  );
}

function CodeForm({ ctx, error }: { ctx: PageContext; error: string | undefined }) {
  const { t } = ctx;
  return (
    <form method="post" action="/profile/mfa/confirm" novalidate>
      <CsrfInput ctx={ctx} />
      <TextField
        name="code"
        label={t('account.field.code')}
        error={error}
        autocomplete="one-time-code"
        inputmode="numeric"
        required
        hint={t('account.mfa.codeHint')}
        autofocus={error !== undefined}
      />
      <SubmitButton label={t('account.mfa.confirm')} />
    </form>
  );
}

function RecoveryCodes({ ctx, codes }: { ctx: PageContext; codes: readonly string[] }) {
  const { t } = ctx;
  return (
    <>
      <div class="alert alert-success" role="status">
        {t('account.mfa.enabled')}
      </div>
      <h2 id="recovery-codes-title" class="h4">
        {t('account.mfa.recoveryTitle')}
      </h2>
      <p>{t('account.mfa.recoveryAdvice')}</p>
      <ol class="font-monospace fs-5" aria-labelledby="recovery-codes-title">
        {codes.map((code) => (
          <li>
            <code class="user-select-all">{code}</code>
          </li>
        ))}
      </ol>
      <p class="text-body-secondary">{t('account.mfa.recoveryOnce')}</p>
      <a class="btn btn-primary" href="/profile">
        {t('account.mfa.continue')}
      </a>
    </>
  );
}

function MfaOn({ ctx, errors }: { ctx: PageContext; errors: MfaErrors }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <span class="badge text-bg-success">{t('account.mfa.on')}</span>
      </p>
      <p>{t('account.mfa.onLead')}</p>
      <section aria-labelledby="mfa-disable-title" class="mt-4">
        <h2 id="mfa-disable-title" class="h4">
          {t('account.mfa.disableTitle')}
        </h2>
        <p>{t('account.mfa.disableLead')}</p>
        <form method="post" action="/profile/mfa/disable" novalidate>
          <CsrfInput ctx={ctx} />
          <TextField
            name="password"
            type="password"
            label={t('account.field.password')}
            error={errors.password}
            autocomplete="current-password"
            required
          />
          <button type="submit" class="btn btn-outline-danger">
            {t('account.mfa.disable')}
          </button>
        </form>
      </section>
    </>
  );
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into an app by hand. */
export function groupsOf4(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}
