import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

type FieldProps = {
  /** Unique on the page: several forms edit titles. */
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Small, inline forms (stages and modules). */
  small?: boolean;
};

function describedBy(props: FieldProps) {
  return (
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

function Feedback(props: FieldProps) {
  return (
    <>
      {props.hint ? (
        <div id={`${props.id}-hint`} class="form-text">
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div id={`${props.id}-error`} class="invalid-feedback d-block">
          {props.error}
        </div>
      ) : null}
    </>
  );
}

/** A labelled input whose hint and error are tied to it with `aria-describedby`. */
export function TextField(
  props: FieldProps & { type?: 'text' | 'number' | 'search'; pattern?: string; maxLength?: number },
) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        class={`form-control${props.small ? ' form-control-sm' : ''}${props.error ? ' is-invalid' : ''}`}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <Feedback {...props} />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        class={`form-control${props.small ? ' form-control-sm' : ''}${props.error ? ' is-invalid' : ''}`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
      <Feedback {...props} />
    </div>
  );
}

/** A form's error, announced by screen readers; renders nothing without one. */
export function FormError(props: {
  ctx: PageContext;
  id: string;
  message?: string | undefined;
  children?: ComponentChildren;
}) {
  if (!props.message) return null;
  return (
    <div id={props.id} class="alert alert-danger" role="alert">
      <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
      {props.message}
      {props.children}
    </div>
  );
}

export function CsrfInput(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/** A one-button form (publish, move, delete) with the CSRF token and hidden fields. */
export function ActionForm(props: {
  ctx: PageContext;
  action: string;
  fields?: Readonly<Record<string, string>>;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'd-inline'}>
      <CsrfInput ctx={props.ctx} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.children}
    </form>
  );
}
