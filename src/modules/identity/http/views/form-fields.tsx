import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

export type TextFieldProps = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'date';
  /** Already-entered input to show again; never pass a password back. */
  value?: string | undefined;
  /** A translated message; marks the input invalid and is announced with it. */
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  /** A translated explanation shown under the input and read with it. */
  hint?: string | undefined;
  inputmode?: 'text' | 'numeric' | 'email' | 'tel' | 'url' | 'search' | 'decimal';
  autofocus?: boolean;
};

/** A labelled Bootstrap input whose hint and error are tied to it with `aria-describedby`. */
export function TextField(props: TextFieldProps) {
  const id = `field-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        class={`form-control${props.error ? ' is-invalid' : ''}`}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        inputmode={props.inputmode}
        autofocus={props.autofocus}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.hint ? (
        <div id={hintId} class="form-text">
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div id={errorId} class="invalid-feedback d-block">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** The form's error, announced by screen readers (`role="alert"`); renders nothing without one. */
export function ErrorSummary(props: { ctx: PageContext; message?: string | undefined; children?: ComponentChildren }) {
  if (!props.message) return null;
  return (
    <div id="error-summary" class="alert alert-danger" role="alert">
      <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
      {props.message}
      {props.children ? <div class="mt-2">{props.children}</div> : null}
    </div>
  );
}

/** The hidden CSRF token every page form posts. */
export function CsrfInput(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

export function SubmitButton(props: { label: string }) {
  return (
    <button type="submit" class="btn btn-primary">
      {props.label}
    </button>
  );
}
