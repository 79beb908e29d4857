import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

type FieldProps = {
  /** The element id; also the prefix of its hint and error ids. */
  id: string;
  name: string;
  label: string;
  /** A translated message; marks the control invalid and is read with it. */
  error?: string | undefined;
  /** A translated explanation shown under the control and read with it. */
  hint?: string | undefined;
  required?: boolean;
};

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError(props: FieldProps) {
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
  props: FieldProps & { value?: string | undefined; type?: 'text' | 'search'; maxLength?: number },
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
        class={`form-control${props.error ? ' is-invalid' : ''}`}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <HintAndError {...props} />
    </div>
  );
}

export function TextArea(
  props: FieldProps & { value?: string | undefined; rows?: number; children?: ComponentChildren; htmx?: object },
) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 5}
        class={`form-control font-monospace${props.error ? ' is-invalid' : ''}`}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        {...props.htmx}
      >
        {props.value ?? ''}
      </textarea>
      <HintAndError {...props} />
    </div>
  );
}

export type Choice = Readonly<{ value: string; label: string }>;

/** A labelled select; `empty` is the label of a first option with no value ("any", "none"). */
export function SelectField(
  props: FieldProps & { value: string | undefined; options: readonly Choice[]; empty?: string | undefined },
) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        class={`form-select${props.error ? ' is-invalid' : ''}`}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      <HintAndError {...props} />
    </div>
  );
}

/** The hidden CSRF token every page form posts. */
export function CsrfInput(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/** The form's error, announced by screen readers; renders nothing without one. */
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

/** A moment in the page's language (UTC: the server knows no time zone of the reader). */
export function DateTime({ ctx, date }: { ctx: PageContext; date: Date }) {
  const text = new Intl.DateTimeFormat(ctx.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
