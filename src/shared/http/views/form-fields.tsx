import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.ts';

export type FieldProps = {
  /** The element id (unique on the page); also the prefix of its hint and error ids. */
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  /** A translated message; marks the control invalid and is read with it. */
  error?: string | undefined;
  /** A translated explanation shown under the control and read with it. */
  hint?: string | undefined;
  required?: boolean;
  /** Small controls, for inline forms. */
  small?: boolean;
};

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function controlClass(base: string, props: FieldProps, extra = ''): string {
  return `${base}${props.small ? ` ${base}-sm` : ''}${extra}${props.error ? ' is-invalid' : ''}`;
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
        class={controlClass('form-control', props)}
        value={props.value}
        required={props.required}
        pattern={props.pattern}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <HintAndError {...props} />
    </div>
  );
}

/** A labelled textarea; `monospace` for Markdown sources, `htmx` for attributes such as a live preview. */
export function TextArea(props: FieldProps & { rows?: number; monospace?: boolean; htmx?: object }) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        class={controlClass('form-control', props, props.monospace ? ' font-monospace' : '')}
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
export function SelectField(props: FieldProps & { options: readonly Choice[]; empty?: string | undefined }) {
  return (
    <div class="mb-3">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        class={controlClass('form-select', props)}
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
      {props.children ? <div class="mt-2">{props.children}</div> : null}
    </div>
  );
}

/** The page's one form error (`#error-summary`), with links to the fields as children. */
export function ErrorSummary(props: { ctx: PageContext; message?: string | undefined; children?: ComponentChildren }) {
  return <FormError {...props} id="error-summary" />;
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
