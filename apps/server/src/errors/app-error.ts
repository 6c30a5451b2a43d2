/**
 * The one error type features throw. It carries a stable message code and an HTTP status;
 * the error handler (src/http/error-handler.ts) turns it into the JSON envelope in the user's language.
 * @module
 */
import type { MessageParams } from '../i18n/messages.ts';

/** Options for {@link AppError}. */
export interface AppErrorOptions {
  /** Values for `{placeholders}` in the message (also used for field messages). */
  params?: MessageParams;
  /** Failing fields: field path → message code (translated by the handler). */
  fields?: Record<string, string>;
  /** The underlying error, kept for logs only (never sent to the client). */
  cause?: unknown;
  /** Extra response headers, e.g. `Retry-After` for a lockout. */
  headers?: Record<string, string>;
}

/**
 * A failure the client should see. `code` must be registered with `registerMessages`.
 * @example
 * throw new AppError('auth.locked', 423, { params: { minutes: 30 } });
 * throw new AppError('validation.failed', 400, { fields: { phone: 'auth.phone_taken' } });
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: MessageParams | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: string, status: number, opts: AppErrorOptions = {}) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = opts.params;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }
}

/** Type guard that also works across module copies (checks the shape, not only the prototype). */
export function isAppError(err: unknown): err is AppError {
  return (
    err instanceof AppError ||
    (typeof err === 'object' &&
      err !== null &&
      (err as { name?: unknown }).name === 'AppError' &&
      typeof (err as { code?: unknown }).code === 'string' &&
      typeof (err as { status?: unknown }).status === 'number')
  );
}
