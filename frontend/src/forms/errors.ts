import { ApiError } from '../api/problem';

/** Errors of one form: per field (by the field's name in the API) and those of no one field. */
export interface FormErrors {
  fields: Record<string, string[]>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export const UNREACHABLE =
  'De server is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.';

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.values(errors.fields).some((list) => list.length > 0);
}

/**
 * The form field an invalid parameter belongs to: "email" and "body.email" are the field
 * "email"; "rollen.0" (the first role) is the field "rollen".
 */
export function fieldOf(name: string): string {
  const withoutSource = name.replace(/^body\./, '');
  return withoutSource.split(/[.[]/)[0] ?? withoutSource;
}

function add(errors: FormErrors, field: string | null, message: string): void {
  if (field === null) {
    if (!errors.general.includes(message)) errors.general.push(message);
    return;
  }
  const list = (errors.fields[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

export interface MapOptions {
  /** API names that a form shows under another field name. */
  aliases?: Record<string, string>;
  /** A status without invalidParams that belongs to one field (e.g. 409 → "email"). */
  statusFields?: Record<number, string>;
}

/**
 * Maps a failed call onto a form: each invalid parameter to its field when the form has that
 * field, everything else (and the problem's detail when no parameter is named) to the summary.
 */
export function mapErrorToForm(
  error: unknown,
  formFields: readonly string[],
  { aliases = {}, statusFields = {} }: MapOptions = {},
): FormErrors {
  const errors: FormErrors = { fields: {}, general: [] };
  if (!(error instanceof ApiError)) {
    add(errors, null, UNREACHABLE);
    return errors;
  }
  const known = new Set(formFields);
  for (const param of error.invalidParams) {
    const field = aliases[param.name] ?? aliases[fieldOf(param.name)] ?? fieldOf(param.name);
    add(errors, known.has(field) ? field : null, param.reason);
  }
  if (error.invalidParams.length === 0) {
    const message = error.detail ?? error.title;
    const field = statusFields[error.status];
    add(errors, field !== undefined && known.has(field) ? field : null, message);
  }
  return errors;
}

/** Builds FormErrors from checks made in the browser before sending. */
export function clientErrors(checks: Record<string, string | false | null | undefined>): FormErrors {
  const errors: FormErrors = { fields: {}, general: [] };
  for (const [field, message] of Object.entries(checks)) {
    if (message) add(errors, field, message);
  }
  return errors;
}
