import type { ComponentChildren } from 'preact';
import { fieldId, text, type FormState } from '../form-values.ts';
import { useT } from './admin-i18n.tsx';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The summary at the top of a form that failed; focusable so it can be announced. */
export function FormAlert({ form }: { form: FormState | undefined }) {
  const t = useT();
  if (form === undefined) return null;
  const fields = Object.keys(form.errors);
  if (form.message === undefined && fields.length === 0) return null;
  return (
    <div class="alert" role="alert" id="form-alert" tabIndex={-1}>
      <p>
        <strong>{form.message ?? t('admin.formInvalid')}</strong>
        {form.detail !== undefined && (
          <>
            {' '}
            {t('adminError.detailsInEnglish')} <span lang="en">{form.detail}</span>
          </>
        )}
      </p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>
              <a href={`#${fieldId(form, f)}`}>{form.errors[f]}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'datetime-local';
  required?: boolean;
  autocomplete?: string;
  /** A value shown when the form has none for this field yet. */
  initial?: string;
  /** The id of a `<datalist>` of suggestions. */
  list?: string | undefined;
  /** The language the text is written in (a translation): spell-checking follows it, and right-to-left text reads so. */
  lang?: string;
}

export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's hint and its error, with the ids its control's `aria-describedby` names. */
export function FieldMessages({ id, hint, error }: { id: string; hint: string | undefined; error: string | undefined }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function valueOf(form: FormState, name: string, initial: string | undefined): string {
  return form.values[name] !== undefined ? text(form.values, name) : (initial ?? '');
}

export function Field(props: FieldProps) {
  const error = props.form.errors[props.name];
  const id = fieldId(props.form, props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={error} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={valueOf(props.form, props.name, props.initial)}
        required={props.required}
        autoComplete={props.autocomplete}
        list={props.list}
        lang={props.lang}
        dir={props.lang === undefined ? undefined : 'auto'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </div>
  );
}

export function TextArea(props: Omit<FieldProps, 'type' | 'autocomplete'> & { rows?: number }) {
  const error = props.form.errors[props.name];
  const id = fieldId(props.form, props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        lang={props.lang}
        dir={props.lang === undefined ? undefined : 'auto'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {valueOf(props.form, props.name, props.initial)}
      </textarea>
    </div>
  );
}

export function Select(props: Omit<FieldProps, 'type' | 'autocomplete'> & { options: readonly (readonly [string, string])[] }) {
  const error = props.form.errors[props.name];
  const current = valueOf(props.form, props.name, props.initial);
  const id = fieldId(props.form, props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={error} />
      <select id={id} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox; unchecked boxes send nothing, so `initial` decides the state of a fresh form. */
export function Checkbox(props: { name: string; label: string; form: FormState; initial?: boolean; value?: string; hint?: string }) {
  const value = props.value ?? 'on';
  const submitted = props.form.values[props.name];
  // A submitted form carries the CSRF field; only then (or for a whole record) does an absent box mean "unchecked".
  const isComplete = props.form.complete === true || props.form.values['_csrf'] !== undefined;
  const isChecked = isComplete ? [submitted ?? []].flat().includes(value) : (props.initial ?? false);
  const id = `${fieldId(props.form, props.name)}${props.value ? `-${props.value}` : ''}`;
  return (
    <div class="check">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={value}
        checked={isChecked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label for={id}>
        {props.label}
        {props.hint && (
          <span class="hint" id={`${id}-hint`}>
            {' '}
            {props.hint}
          </span>
        )}
      </label>
    </div>
  );
}

export function Fieldset(props: {
  legend: string;
  children: ComponentChildren;
  error?: string | undefined;
  name?: string;
  form?: FormState;
}) {
  const id = props.name ? fieldId(props.form ?? {}, props.name) : undefined;
  return (
    <fieldset id={id} aria-describedby={props.error && id ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.error && id && (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}
