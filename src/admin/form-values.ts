import { DateTime } from 'luxon';
import { ZodError } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { isMessageKey, translator, type MessageKey, type MessageParams, type Translator } from '../i18n/translate.ts';
import type { Locale } from '../shared/locales.ts';
import { AppError, errorCatalogue } from '../shared/errors.ts';

/** A submitted HTML form as @fastify/formbody parses it: a repeated field becomes an array. */
export type FormBody = Record<string, string | string[] | undefined>;

/** What a form is re-rendered with: the user's input, and messages per field and for the whole form. */
export interface FormState {
  values: FormBody;
  errors: Record<string, string>;
  message?: string;
  /** A verb's specific English explanation, shown after `message` when the member reads another language. */
  detail?: string;
  /** Keeps element ids unique when one screen shows several forms with the same field names. */
  scope?: string;
  /** The values are a whole form (a template, a saved record): an absent checkbox is unchecked. */
  complete?: boolean;
  /** The form came back from its "Preview" button: show its Markdown as visitors will see it. */
  previewing?: boolean;
}

/** The id of a field's element; messages and the error summary point at it. */
export function fieldId(form: Pick<FormState, 'scope'>, name: string): string {
  return `f-${form.scope ? `${form.scope}-` : ''}${name}`;
}

export const emptyForm = (values: FormBody = {}): FormState => ({ values, errors: {} });

export function asBody(body: unknown): FormBody {
  return body !== null && typeof body === 'object' ? (body as FormBody) : {};
}

/** The one value of a field; a field that takes one value but came twice is refused, naming it. */
export function text(body: FormBody, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) {
    if (value.length > 1)
      throw new AppError('validation_failed', `${name}: give this field once`, [{ path: name, message: 'give this field once' }]);
    return value[0] ?? '';
  }
  return value ?? '';
}

/** Every value of a field (checkbox groups, multi-selects). */
export function list(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

export function checked(body: FormBody, name: string): boolean {
  return list(body, name).some((v) => v === 'on' || v === 'true' || v === '1');
}

/** Empty text means "none" for optional fields. */
export function optional(body: FormBody, name: string): string | null {
  const value = text(body, name).trim();
  return value === '' ? null : value;
}

/**
 * A field that failed to parse before any verb saw it. `message` is the English text; `key` (and
 * `params`) name the same message in the catalogue, so a member reading another language gets it
 * in theirs.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly key?: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

/** `YYYY-MM-DDTHH:mm` from a datetime-local input, read in the page's time zone. */
export function parseLocalDateTime(body: FormBody, name: string, timeZone: string): Date | undefined {
  const value = text(body, name).trim();
  if (value === '') return undefined;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid) throw new FieldError(name, 'Enter a date and time, for example 2025-11-20 14:30.', 'admin.fieldDateTime');
  return parsed.toJSDate();
}

/** The value a datetime-local input shows for an instant, in the page's time zone. */
export function toLocalInput(date: Date | null | undefined, timeZone: string): string {
  if (date === null || date === undefined) return '';
  return DateTime.fromJSDate(date).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function parseInteger(body: FormBody, name: string, fallback: number): number {
  const value = text(body, name).trim();
  if (value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new FieldError(name, 'Enter a whole number.', 'admin.fieldWholeNumber');
  return Number(value);
}

/**
 * Turns an expected failure into messages next to the fields, in the member's language; returns
 * null for anything else, which the caller rethrows so the error boundary handles it.
 * `fields` maps a verb's field path (`scheduledUntil`) to the form field that holds it.
 * In English a verb's own message is shown as written. In another language a message the
 * catalogue has (a field error with a key, a common validation failure, the error code's message)
 * is shown translated, and a verb's more specific English message follows as `detail`.
 */
export function formErrors(
  error: unknown,
  fields: Record<string, string> = {},
  locale: Locale = 'en',
): (Pick<FormState, 'errors' | 'message' | 'detail'> & { status: number }) | null {
  const t = translator(locale);
  const errors: Record<string, string> = {};
  const place = (path: string, message: string) => {
    const head = path.split('.')[0] ?? '';
    const field = fields[path] ?? fields[head] ?? head;
    if (field !== '' && errors[field] === undefined) errors[field] = message;
    return field !== '';
  };
  if (error instanceof FieldError) {
    errors[error.field] = locale !== 'en' && error.key !== undefined ? t(error.key, error.params) : error.message;
    return { errors, message: t('admin.fieldInvalid'), status: 400 };
  }
  if (error instanceof ZodError) {
    const loose: string[] = [];
    for (const issue of error.issues) {
      const message = locale === 'en' ? humanise(issue.message) : (issueMessage(issue, t) ?? humanise(issue.message));
      if (!place(issue.path.map(String).join('.'), message)) loose.push(message);
    }
    return { errors, message: loose[0] ?? t('admin.formInvalid'), status: 400 };
  }
  if (error instanceof AppError && error.status < 500 && error.code !== 'forbidden') {
    // A failure the catalogue words (a wrong password, a used code) reads wholly in the member's language.
    const key = locale === 'en' || error.messageKey === undefined || !isMessageKey(error.messageKey) ? undefined : error.messageKey;
    for (const detail of error.details ?? [])
      if (detail.path !== undefined) place(detail.path, key === undefined ? detail.message : t(key));
    if (key !== undefined) return { errors, message: t(key), status: error.status };
    if (locale === 'en') return { errors, message: error.message, status: error.status };
    const specific = error.message !== errorCatalogue[error.code].message;
    return { errors, message: t(`errorCode.${error.code}`), ...(specific && { detail: error.message }), status: error.status };
  }
  return null;
}

function humanise(message: string): string {
  if (/^Too small: expected string to have >=1/.test(message)) return 'This field is required.';
  if (/^Invalid input: expected/.test(message)) return 'This value is not valid.';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The catalogue's words for the common validation failures; undefined for a schema's own rule. */
function issueMessage(issue: $ZodIssue, t: Translator): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin !== 'string') return t('admin.fieldNotValid');
      return Number(issue.minimum) <= 1 ? t('admin.fieldRequired') : t('admin.fieldTooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('admin.fieldTooLong', { max: Number(issue.maximum) }) : t('admin.fieldNotValid');
    case 'invalid_format':
      if (issue.format === 'email') return t('admin.fieldEmail');
      if (issue.format === 'url') return t('admin.fieldUrl');
      return t('admin.fieldNotValid');
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      return t('admin.fieldNotValid');
    default:
      return undefined;
  }
}
