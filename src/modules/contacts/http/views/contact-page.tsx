import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { CsrfInput, ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';
import { EMAIL_MAX, MESSAGE_MAX, MESSAGE_MIN } from '../../domain/contact-request.ts';

export type ContactField = 'name' | 'email' | 'message';

export type ContactFormState = Readonly<{
  values: Readonly<Partial<Record<ContactField, string>>>;
  /** Localized messages by field. */
  errors?: Readonly<Partial<Record<ContactField, string>>> | undefined;
  /** The form's summary (invalid fields, or the rate limit). */
  message?: string | undefined;
}>;

const FIELD_ID: Record<ContactField, string> = {
  name: 'contact-name',
  email: 'contact-email',
  message: 'contact-message',
};

function Field(props: {
  ctx: PageContext;
  field: ContactField;
  label: string;
  state: ContactFormState;
  hint?: string;
  children: (attributes: Record<string, string | boolean | undefined>) => preact.JSX.Element;
}) {
  const id = FIELD_ID[props.field];
  const error = props.state.errors?.[props.field];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {props.label}
      </label>
      {props.children({
        id,
        name: props.field,
        required: true,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': described || undefined,
        class: `form-control${error ? ' is-invalid' : ''}`,
      })}
      {props.hint ? (
        <div id={`${id}-hint`} class="form-text">
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} class="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The contact form: works without JavaScript; errors next to their fields, input kept. */
export function ContactPage(props: { ctx: PageContext; state: ContactFormState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const failing = (Object.keys(FIELD_ID) as ContactField[]).filter((field) => state.errors?.[field]);
  return (
    <Layout ctx={ctx} title={t('contacts.page.title')} description={t('contacts.page.lead')}>
      <div class="col-lg-8">
        <h1 class="h2 mb-3">{t('contacts.page.title')}</h1>
        <p class="lead">{t('contacts.page.lead')}</p>
        <ErrorSummary ctx={ctx} message={state.message}>
          {failing.length > 0 ? (
            <ul class="mb-0">
              {failing.map((field) => (
                <li>
                  <a href={`#${FIELD_ID[field]}`} class="alert-link">
                    {t(`contacts.field.${field}`)}: {state.errors?.[field]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorSummary>
        <form method="post" action="/contact" novalidate aria-describedby={state.message ? 'error-summary' : undefined}>
          <CsrfInput ctx={ctx} />
          <Field ctx={ctx} field="name" label={t('contacts.field.name')} state={state}>
            {(attributes) => <input {...attributes} type="text" autocomplete="name" value={state.values.name ?? ''} />}
          </Field>
          <Field
            ctx={ctx}
            field="email"
            label={t('contacts.field.email')}
            state={state}
            hint={t('contacts.field.emailHint')}
          >
            {(attributes) => (
              <input
                {...attributes}
                type="email"
                autocomplete="email"
                spellcheck={false}
                maxLength={EMAIL_MAX}
                value={state.values.email ?? ''}
              />
            )}
          </Field>
          <Field
            ctx={ctx}
            field="message"
            label={t('contacts.field.message')}
            state={state}
            hint={t('contacts.field.messageHint', { min: MESSAGE_MIN, max: MESSAGE_MAX })}
          >
            {(attributes) => (
              <textarea {...attributes} rows={8}>
                {state.values.message ?? ''}
              </textarea>
            )}
          </Field>
          {/* The honeypot: hidden from people (and their screen readers), filled by bots. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="contact-website">{t('contacts.field.website')}</label>
            <input id="contact-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
          </div>
          <button type="submit" class="btn btn-primary">
            {t('contacts.form.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** After sending: where the answer will go. */
export function ContactSentPage(props: { ctx: PageContext; email: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contacts.sent.title')}>
      <div class="col-lg-8">
        <h1 class="h2 mb-3">{t('contacts.sent.title')}</h1>
        <p class="lead" role="status">
          {t('contacts.sent.text', { email: props.email })}
        </p>
        <p class="d-flex gap-3">
          <a href="/contact">{t('contacts.sent.again')}</a>
          <a href="/">{t('contacts.sent.home')}</a>
        </p>
      </div>
    </Layout>
  );
}
