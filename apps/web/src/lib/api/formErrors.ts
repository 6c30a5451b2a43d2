import type { FormInstance } from 'antd';
import { ApiError } from './client';

/**
 * Puts the server's field errors under the matching form fields and returns the message to show
 * for the rest. Paths like `body.phone` or `/phone` are reduced to `phone`.
 */
export function applyFieldErrors(form: FormInstance | undefined, err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (form) {
    const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
    const fieldData = Object.entries(err.fields)
      .map(([path, message]) => ({
        name: path.replace(/^\/?(body[./])?/, '').split(/[./]/)[0] ?? path,
        errors: [message],
      }))
      .filter((f) => known.has(f.name));
    if (fieldData.length > 0) form.setFields(fieldData);
  }
  return err.message;
}
