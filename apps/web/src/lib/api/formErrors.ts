import type { FormInstance } from 'antd';
import { ApiError } from './client';

/** A form field path: `experience.0.to` → `['experience', 0, 'to']`. */
export type FieldPath = (string | number)[];

/**
 * Turns a server field path (`body.phone`, `/phone`, `experience.0.to`, `body/papers/1/year`) into
 * an antd name path; list indexes become numbers so errors land under `Form.List` rows.
 */
export function toFieldPath(path: string): FieldPath {
  return path
    .replace(/^\/?(body[./])?/, '')
    .split(/[./]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors under the matching form fields and returns the message to show
 * for the rest. Paths like `body.phone` or `/phone` are reduced to `phone`; nested paths such as
 * `papers.1.year` point at the row's field. `rename` maps a server field onto a differently named
 * form field (e.g. `industryDivision` shown by an `industry` picker).
 */
export function applyFieldErrors(
  form: FormInstance | undefined,
  err: unknown,
  rename: Record<string, string> = {},
): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (form) {
    const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
    const fieldData = Object.entries(err.fields)
      .map(([path, message]) => {
        const name = toFieldPath(path);
        const head = name[0];
        if (typeof head === 'string' && rename[head]) name[0] = rename[head];
        return { name, errors: [message] };
      })
      .filter((f) => typeof f.name[0] === 'string' && known.has(f.name[0]));
    if (fieldData.length > 0) form.setFields(fieldData);
  }
  return err.message;
}

/**
 * After a failed `form.validateFields()`, brings the first field in error into view (and focus):
 * a long editor on a phone otherwise only shows a toast while the error sits off screen.
 */
export function scrollToFirstInvalid(form: FormInstance, validationError: unknown): void {
  const fields = (validationError as { errorFields?: { name: FieldPath }[] } | null)?.errorFields;
  const first = fields?.[0]?.name;
  if (first) form.scrollToField(first, { behavior: 'smooth', block: 'center', focus: true });
}
