/**
 * The one way the web app talks to the API: same-origin fetch with cookies, the CSRF header on
 * every state-changing request, `Accept-Language` from the UI language, and the server's error
 * shape `{ error: { code, message, fields } }` turned into an {@link ApiError}.
 */
import { CSRF_COOKIE, CSRF_HEADER } from '@tianfu/contracts';
import type { Locale } from '../../i18n/define';

let requestLocale: Locale = 'zh-CN';

/** Called by the locale provider so server messages come back in the language on screen. */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

/** An error answer from the API, or a network failure (`status` 0, code `NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path → message, for showing under form fields. */
    readonly fields: Record<string, string> = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file or other bytes sent as they are (an import upload), instead of a JSON `body`. */
  raw?: { data: Blob; contentType: string };
  signal?: AbortSignal;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;

/** The readable double-submit cookie the server sets (see `CSRF_COOKIE` in the auth contract). */
function readCsrfCookie(): string | null {
  const match = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

/** The CSRF token: the cookie when present, else asked from `GET /api/auth/csrf` (which also sets it). */
async function getCsrfToken(): Promise<string> {
  const fromCookie = readCsrfCookie();
  if (fromCookie) return fromCookie;
  if (csrfToken) return csrfToken;
  csrfPending ??= (async () => {
    try {
      const res = await fetch('/api/auth/csrf', {
        credentials: 'include',
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw await toApiError(res);
      const data = (await res.json()) as { token?: string };
      const token = data.token;
      if (!token) throw new ApiError(res.status, 'CSRF_UNAVAILABLE', 'CSRF token missing');
      csrfToken = token;
      return token;
    } finally {
      csrfPending = null;
    }
  })();
  return csrfPending;
}

/** Forget the CSRF token; the server rotates it when the session changes (sign in / out). */
export function resetCsrfToken(): void {
  csrfToken = null;
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Normalizes `fields` whether the server sends `{ path: message }` or `{ path: [messages] }`. */
function normalizeFields(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic error.
  }
  const error = (
    body as { error?: { code?: string; message?: string; fields?: unknown; details?: unknown } } | null
  )?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      res.status,
      error.code,
      error.message ?? error.code,
      normalizeFields(error.fields),
      error.details,
    );
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

async function send(
  method: string,
  path: string,
  options: RequestOptions,
  retried: boolean,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLocale };
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method)) headers[CSRF_HEADER] = await getCsrfToken();
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.raw
        ? options.raw.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'NETWORK',
      requestLocale === 'en' ? 'Network unavailable' : '网络连接失败，请稍后重试',
    );
  }
  // A stale token (after sign-in the server may rotate its secret): fetch a new one and retry once.
  if (res.status === 403 && UNSAFE.has(method) && !retried) {
    const clone = res.clone();
    const err = await toApiError(clone);
    if (/CSRF/i.test(err.code)) {
      resetCsrfToken();
      return send(method, path, options, true);
    }
  }
  return res;
}

/** Sends a request and returns the parsed JSON body (or `undefined` for 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options, false);
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name a download answer suggests (`Content-Disposition`, RFC 5987 `filename*` first). */
function suggestedName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // Malformed encoding: try the plain form.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)?.[1];
  return plain?.trim() || fallback;
}

/**
 * GETs a file (a template, an export) and hands it to the browser as a download. Fetched rather
 * than linked so the request carries the language header and an error shows as a message.
 */
export async function downloadFile(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<void> {
  const res = await send('GET', path, { query }, false);
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Shorthands for the usual verbs. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string, body?: unknown) =>
    apiRequest<T>('DELETE', path, body === undefined ? {} : { body }),
};
